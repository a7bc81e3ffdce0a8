// The page geometry and type styles of a flowing Markdown document (markdown-pdf.ts), and its cursor.
import { type Doc, PAGE, type Style } from './pdf-types.ts';

/** Where the next block starts on the current page. */
export interface Flow {
  doc: Doc;
  y: number;
}

const margins = { top: 40, bottom: 40, left: 46, right: 46 };
const ink = '#1f2933';
const accent = '#1f4e79';

export const FLOW = {
  margins,
  left: margins.left,
  width: PAGE.width - margins.left - margins.right,
  accent,
  rule: '#c3ccd5',
  tableHead: '#e8eef5',
  title: { font: 'bold', size: 18, color: accent, lineGap: 1 } satisfies Style,
  headings: {
    2: { font: 'bold', size: 13, color: accent, lineGap: 1 },
    3: { font: 'bold', size: 11.5, color: ink, lineGap: 1 },
    4: { font: 'bold', size: 10.5, color: ink, lineGap: 1 },
  } satisfies Record<2 | 3 | 4, Style>,
  body: { font: 'regular', size: 10.5, color: ink, lineGap: 1.5 } satisfies Style,
  cell: { font: 'regular', size: 9, color: ink, lineGap: 1 } satisfies Style,
  footer: { font: 'regular', size: 7.5, color: '#5b6670' } satisfies Style,
  gap: 7,
  itemGap: 2,
  bulletIndent: 13,
  numberIndent: 17,
  quoteIndent: 12,
  cellPadding: 4,
  /** A row with an empty cell keeps room to write in it by hand. */
  writingRowHeight: 34,
};

/** Starts a new page when `height` points do not fit above the bottom margin. */
export function ensureRoom(flow: Flow, height: number): void {
  if (flow.y + height <= PAGE.height - FLOW.margins.bottom) return;
  flow.doc.addPage();
  flow.y = FLOW.margins.top;
}
