// Writing text in a bounded box with pdfkit: measure, shrink down to a minimum size, then cut with "…".
import type { Align, Box, Doc, Style } from './pdf-types.ts';

export function applyStyle(doc: Doc, style: Style): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

export function lineHeight(doc: Doc, style: Style): number {
  applyStyle(doc, style);
  return doc.currentLineHeight(true) + (style.lineGap ?? 0);
}

/** The options every text run takes from its style. */
const styleOptions = (style: Style) => ({ lineGap: style.lineGap ?? 0, characterSpacing: style.characterSpacing });

export function heightOf(doc: Doc, text: string, style: Style, width: number): number {
  applyStyle(doc, style);
  return doc.heightOfString(text, { width, ...styleOptions(style) });
}

function drawText(doc: Doc, text: string, style: Style, box: Box, options: PDFKit.Mixins.TextOptions) {
  applyStyle(doc, style);
  doc.text(text, box.x, box.y, { width: box.width, ...styleOptions(style), ...options });
}

/** Writes text that is known to be short; returns its height. */
export function writeText(doc: Doc, text: string, style: Style, box: Box, align: Align = 'left'): number {
  const height = heightOf(doc, text, style, box.width);
  drawText(doc, text, style, box, { align });
  return height;
}

/**
 * Writes text of any length in at most `maxLines` lines: shrinks it down to `minSize`,
 * then cuts it with "…". Returns the height used.
 */
export function fitText(
  doc: Doc,
  text: string,
  style: Style,
  box: Box,
  fit: { minSize?: number; maxLines: number; align?: Align },
): number {
  const { width } = box;
  let fitted = style;
  for (let size = style.size; size >= (fit.minSize ?? style.size); size -= 0.5) {
    fitted = { ...style, size };
    if (heightOf(doc, text, fitted, width) <= fit.maxLines * lineHeight(doc, fitted) + 0.01) break;
  }
  const maxHeight = fit.maxLines * lineHeight(doc, fitted);
  const height = Math.min(heightOf(doc, text, fitted, width), maxHeight);
  drawText(doc, text, fitted, box, { height: maxHeight, ellipsis: '…', align: fit.align ?? 'left' });
  return height;
}

/** Writes one line, shrinking it down to `minSize` and then cutting it with "…"; returns its width. */
export function fitLine(doc: Doc, text: string, style: Style, box: Box, align: Align = 'left', minSize = style.size) {
  const { x, y, width } = box;
  let size = style.size;
  applyStyle(doc, style);
  while (size > minSize && doc.widthOfString(text) > width) {
    size = Math.max(minSize, size - 0.5);
    doc.fontSize(size);
  }
  let line = text;
  // Cut by characters: hashes and URLs have no spaces to break at.
  while (line.length > 1 && doc.widthOfString(line) > width) line = `${line.slice(0, -2)}…`;
  doc.text(line, x, y, { width, align, lineBreak: false });
  return Math.min(width, doc.widthOfString(line));
}

/** Collapses line breaks and runs of spaces, but keeps the no-break spaces an author typed on purpose. */
export function oneLine(text: string): string {
  return text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}

/** French typography: no line break inside « », before : ; ! ? or before a unit sign. */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»%€])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}
