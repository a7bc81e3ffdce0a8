// The certificate's page geometry, colours and type styles. A4 in points; everything is placed at absolute
// positions with a bounded height, so a long name or many objectives shrink or get cut, never spill onto
// a second page.

import { type Box, type Doc, PAGE, type Style } from '../../shared/pdf/pdf-types.ts';

export { type Align, type Box, type Doc, type FontName, PAGE, type Style } from '../../shared/pdf/pdf-types.ts';

export const LEFT = 62;
export const WIDTH = PAGE.width - 2 * LEFT;
export const FRAME_INSET = 28;
export const PANEL = { top: 682, height: 108, padding: 12, qrSize: 84 };
export const SIGNATURE_TOP = PANEL.top - 56;
export const SECTIONS_BOTTOM = SIGNATURE_TOP - 18;
export const SECTION_HEADING_HEIGHT = 22;
export const SECTION_GAP = 16;

export const INK = '#1f2933';
export const MUTED = '#5b6670';
export const ACCENT = '#1f4e79';
export const RULE = '#c3ccd5';

export const FACT_LABEL = { font: 'regular', size: 10, color: MUTED } satisfies Style;
export const FACT_VALUE = { font: 'bold', size: 10, color: INK } satisfies Style;
export const FACT_LINE_HEIGHT = 16;
export const FACT_COLUMN_GAP = 16;

export const BULLET_INDENT = 14;
export const OBJECTIVE_GAP = 3;
export const OBJECTIVE_COLUMN_GAP = 16;
export type ObjectivesLayout = { size: number; maxLines: number; columns: 1 | 2 };
// Tried in order until the list fits: smaller text, then two columns of short objectives,
// then one line per objective (cut with "…"), and last a shorter list.
export const OBJECTIVE_LAYOUTS: ObjectivesLayout[] = [
  ...[10.5, 10, 9.5, 9].map((size) => ({ size, maxLines: 2, columns: 1 as const })),
  ...[10, 9.5, 9, 8.5].map((size) => ({ size, maxLines: 1, columns: 2 as const })),
  { size: 8.5, maxLines: 2, columns: 1 },
  ...[9, 8.5].map((size) => ({ size, maxLines: 1, columns: 1 as const })),
];

/** The whole text column, from `y` down. */
export const column = (y: number): Box => ({ x: LEFT, y, width: WIDTH });

/** A horizontal rule across the text column. */
export function drawRule(doc: Doc, y: number, width: number, color = RULE): void {
  doc
    .lineWidth(width)
    .strokeColor(color)
    .moveTo(LEFT, y)
    .lineTo(LEFT + WIDTH, y)
    .stroke();
}
