import { writeText } from '../../shared/pdf/text-fitting.ts';
import { ACCENT, column, type Doc, drawRule, SECTION_HEADING_HEIGHT, type Style } from './layout.ts';

/** A small capitalised heading over a rule; returns the height it takes. */
export function drawSectionHeading(doc: Doc, text: string, top: number): number {
  const style = { font: 'bold', size: 9, color: ACCENT, characterSpacing: 0.8 } satisfies Style;
  writeText(doc, text.toUpperCase(), style, column(top));
  drawRule(doc, top + 14, 0.5);
  return SECTION_HEADING_HEIGHT;
}
