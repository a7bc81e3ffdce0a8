import type { Tokens } from 'marked';
import { ensureRoom, FLOW, type Flow } from './flow.ts';
import { inlineRuns, plainText } from './inline-runs.ts';
import type { Style } from './pdf-types.ts';
import { applyStyle, heightOf } from './text-fitting.ts';

type Cell = { text: string; style: Style; align: 'left' | 'center' | 'right' };

/**
 * Draws a Markdown table across `width` from the flow's position, one style per cell, and returns where it
 * ends. Columns share the width by how much text they hold, none narrower than a short word; the header
 * row is repeated on a new page when the table breaks.
 */
export function drawTable(flow: Flow, table: Tokens.Table, x: number, width: number): number {
  const head = table.header.map((cell) => toCell(cell, { ...FLOW.cell, font: 'bold' }));
  const rows = table.rows.map((row) => row.map((cell) => toCell(cell, FLOW.cell)));
  const widths = columnWidths([head, ...rows], width);
  const headHeight = rowHeight(flow, head, widths);
  ensureRoom(flow, headHeight + FLOW.writingRowHeight);
  drawRow(flow, head, widths, x, headHeight, FLOW.tableHead);
  for (const row of rows) {
    const height = rowHeight(flow, row, widths);
    const before = flow.y;
    ensureRoom(flow, height);
    if (flow.y < before) drawRow(flow, head, widths, x, headHeight, FLOW.tableHead);
    drawRow(flow, row, widths, x, height);
  }
  return flow.y;
}

function toCell(cell: Tokens.TableCell, style: Style): Cell {
  const runs = inlineRuns(cell.tokens);
  // A cell written wholly in bold prints in bold; mixed emphasis inside a cell prints plain.
  const bold = runs.length > 0 && runs.every((run) => run.font === 'bold' || run.text.trim() === '');
  return {
    text: plainText(runs).trim(),
    style: bold ? { ...style, font: 'bold' } : style,
    align: cell.align ?? 'left',
  };
}

function columnWidths(rows: Cell[][], width: number): number[] {
  const count = Math.max(...rows.map((row) => row.length));
  const weights = Array.from({ length: count }, (_, column) => {
    const lengths = rows.map((row) => row[column]?.text.length ?? 0);
    const longestWord = Math.max(
      0,
      ...rows.flatMap((row) => (row[column]?.text ?? '').split(/\s+/).map((w) => w.length)),
    );
    // The square root keeps a column of long sentences from starving the others.
    return Math.max(Math.sqrt(lengths.reduce((sum, n) => sum + n, 0) / rows.length + 1), longestWord / 4, 2);
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (width * w) / total);
}

function rowHeight(flow: Flow, row: Cell[], widths: number[]): number {
  const padding = FLOW.cellPadding;
  const text = row.map((cell, i) =>
    cell.text ? heightOf(flow.doc, cell.text, cell.style, widths[i]! - 2 * padding) : 0,
  );
  const natural = Math.max(0, ...text) + 2 * padding;
  return row.some((cell) => !cell.text) ? Math.max(natural, FLOW.writingRowHeight) : natural;
}

function drawRow(flow: Flow, row: Cell[], widths: number[], x: number, height: number, fill?: string): void {
  const { doc } = flow;
  const padding = FLOW.cellPadding;
  let left = x;
  widths.forEach((width, i) => {
    if (fill) doc.rect(left, flow.y, width, height).fill(fill);
    doc.lineWidth(0.5).strokeColor(FLOW.rule).rect(left, flow.y, width, height).stroke();
    const cell = row[i];
    if (cell?.text) {
      applyStyle(doc, cell.style);
      doc.text(cell.text, left + padding, flow.y + padding, {
        width: width - 2 * padding,
        height: height - padding,
        lineGap: cell.style.lineGap ?? 0,
        align: cell.align,
      });
    }
    left += width;
  });
  flow.y += height;
}
