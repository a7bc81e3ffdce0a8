import { translate } from '../../i18n/translate.ts';
import { fitText, frenchSpacing, heightOf, lineHeight, oneLine, writeText } from '../../shared/pdf/text-fitting.ts';
import {
  ACCENT,
  BULLET_INDENT,
  type Doc,
  INK,
  LEFT,
  MUTED,
  OBJECTIVE_COLUMN_GAP,
  OBJECTIVE_GAP,
  OBJECTIVE_LAYOUTS,
  type ObjectivesLayout,
  SECTION_HEADING_HEIGHT,
  type Style,
  WIDTH,
} from './layout.ts';
import { drawSectionHeading } from './section-heading.ts';

export type ObjectivesPlan = {
  items: string[];
  style: Style;
  layout: ObjectivesLayout;
  /** Height of each row, gap included. */
  rows: number[];
  shown: number;
  /** Height of the whole section, heading included. */
  height: number;
};

/** Picks the first layout of OBJECTIVE_LAYOUTS in which the objectives fit in `available` points. */
export function planObjectives(doc: Doc, objectives: string[], available: number): ObjectivesPlan | null {
  if (objectives.length === 0) return null;
  const items = objectives.map((objective) => frenchSpacing(oneLine(objective)));
  const room = available - SECTION_HEADING_HEIGHT;
  const plan = (layout: ObjectivesLayout) => {
    const style = { font: 'regular', size: layout.size, color: INK, lineGap: 1 } satisfies Style;
    const line = lineHeight(doc, style);
    const width = objectiveWidth(layout.columns);
    const natural = items.map((item) => heightOf(doc, item, style, width));
    // Two columns only for objectives that each fit on one line: a cut objective reads worse than a small one.
    if (layout.columns === 2 && natural.some((height) => height > line + 0.01)) return null;
    const heights = natural.map((height) => Math.min(height, layout.maxLines * line));
    const rows = layout.columns === 1 ? heights : Array.from({ length: Math.ceil(items.length / 2) }, () => line);
    return { items, style, layout, rows: rows.map((height) => height + OBJECTIVE_GAP), line };
  };
  let last = plan(OBJECTIVE_LAYOUTS[0]!)!;
  for (const layout of OBJECTIVE_LAYOUTS) {
    const candidate = plan(layout);
    if (!candidate) continue;
    last = candidate;
    if (sum(candidate.rows) <= room) {
      return { ...candidate, shown: items.length, height: SECTION_HEADING_HEIGHT + sum(candidate.rows) };
    }
  }
  // Nothing fits: cut the list, keeping room for the line that says how many objectives were left out.
  let shown = 0;
  let used = last.line + OBJECTIVE_GAP;
  while (shown < items.length && used + last.rows[shown]! <= room) used += last.rows[shown++]!;
  return { ...last, shown, height: SECTION_HEADING_HEIGHT + used };
}

function objectiveWidth(columns: 1 | 2): number {
  return (WIDTH - (columns - 1) * OBJECTIVE_COLUMN_GAP) / columns - BULLET_INDENT;
}

/** Draws the planned objectives from `top`; returns where the section ends. */
export function drawObjectives(doc: Doc, plan: ObjectivesPlan | null, top: number): number {
  if (!plan) return top;
  const { items, style, layout, rows, shown } = plan;
  const y = top + drawSectionHeading(doc, translate('certificates.pdf.objectives'), top);
  const width = objectiveWidth(layout.columns);
  // Column by column, so that the list reads down then across.
  const perColumn = Math.ceil(shown / layout.columns);
  for (let i = 0; i < shown; i++) {
    const column = Math.floor(i / perColumn);
    const row = i % perColumn;
    const x = LEFT + column * (width + BULLET_INDENT + OBJECTIVE_COLUMN_GAP);
    const itemTop = y + sum(rows.slice(0, row));
    writeText(doc, '•', { ...style, color: ACCENT }, { x: x + 3, y: itemTop, width: BULLET_INDENT });
    fitText(doc, items[i]!, style, { x: x + BULLET_INDENT, y: itemTop, width }, { maxLines: layout.maxLines });
  }
  let bottom = y + sum(rows.slice(0, perColumn));
  const hidden = items.length - shown;
  if (hidden > 0) {
    const more = translate(
      hidden === 1 ? 'certificates.pdf.moreObjectives.one' : 'certificates.pdf.moreObjectives.other',
      {
        count: hidden,
      },
    );
    const moreBox = { x: LEFT + BULLET_INDENT, y: bottom, width };
    bottom += writeText(doc, more, { ...style, color: MUTED }, moreBox) + OBJECTIVE_GAP;
  }
  return bottom;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
