// A streaming writer for one-sheet XLSX files: rows are written as they come (inline strings, no
// shared-string table), deflated by yazl and paced to what the reader accepts, so memory stays flat
// whatever the number of rows. Written here because the libraries that stream XLSX are unmaintained
// or do not stream (decision 004); the format needed is small.
import type { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import {
  cellStyles,
  contentTypesXml,
  escapeXml,
  packageRelsXml,
  stylesXml,
  workbookRelsXml,
  workbookXml,
} from './xlsx-parts.ts';

/** `number` is shown as typed (General); `integer` and `decimal` with 0 and 2 decimals. */
export type XlsxKind = 'text' | 'integer' | 'decimal' | 'number' | 'date';
export interface XlsxColumn {
  header: string;
  kind: XlsxKind;
  /** In characters, as Excel counts column widths. */
  width: number;
}
/** Text, a number, or a calendar day; null leaves the cell empty. */
export type XlsxCell = string | number | { year: number; month: number; day: number } | null;

/** Excel refuses a cell longer than this. */
const maxCellLength = 32_767;
const excelEpoch = Date.UTC(1899, 11, 30);
const rowsPerChunk = 50;

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function numberStyle(kind: XlsxKind): keyof typeof cellStyles {
  return kind === 'decimal' || kind === 'integer' ? kind : 'number';
}

function cellXml(ref: string, kind: XlsxKind, value: XlsxCell): string {
  if (value === null) return '';
  if (typeof value === 'string')
    // Inline text is never read as a formula, whatever it starts with.
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value.slice(0, maxCellLength))}</t></is></c>`;
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}" s="${cellStyles[numberStyle(kind)]}"><v>${value}</v></c>` : '';
  const serial = (Date.UTC(value.year, value.month - 1, value.day) - excelEpoch) / 86_400_000;
  return `<c r="${ref}" s="${cellStyles.date}"><v>${serial}</v></c>`;
}

function rowXml(number: number, columns: readonly XlsxColumn[], cells: readonly XlsxCell[]): string {
  const inner = columns
    .map((column, i) => cellXml(`${columnName(i)}${number}`, column.kind, cells[i] ?? null))
    .join('');
  return `<row r="${number}">${inner}</row>`;
}

function sheetStart(columns: readonly XlsxColumn[]): string {
  const widths = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  const header = columns
    .map(
      (c, i) =>
        `<c r="${columnName(i)}1" t="inlineStr" s="${cellStyles.header}"><is><t>${escapeXml(c.header)}</t></is></c>`,
    )
    .join('');
  // The header row stays in view while scrolling (frozen pane below row 1).
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
<cols>${widths}</cols><sheetData><row r="1">${header}</row>`;
}

/**
 * Writes the workbook into `out` and ends it (destroys it on failure). Resolves with the number of
 * data rows once everything has been handed to `out`.
 */
export async function writeXlsx(
  out: Writable,
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly XlsxCell[]>,
): Promise<number> {
  const zip = new yazl.ZipFile();
  // Small buffers: most of what is held is compressed, and 16 KB of deflated XML is thousands of rows.
  const sheet = new PassThrough({ highWaterMark: 4096 });
  zip.addBuffer(Buffer.from(contentTypesXml), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(packageRelsXml), '_rels/.rels');
  zip.addBuffer(Buffer.from(workbookXml(sheetName)), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(workbookRelsXml), 'xl/_rels/workbook.xml.rels');
  zip.addBuffer(Buffer.from(stylesXml), 'xl/styles.xml');
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml');
  zip.end();
  zip.outputStream.pipe(out);
  const done = finished(out);
  done.catch(() => {});
  const write = async (text: string) => {
    if (!sheet.write(text)) await Promise.race([new Promise((resolve) => sheet.once('drain', resolve)), done]);
    if (out.destroyed) throw out.errored ?? new Error('the reader went away');
  };
  let count = 0;
  try {
    await write(sheetStart(columns));
    let chunk = '';
    for await (const cells of rows) {
      count += 1;
      chunk += rowXml(count + 1, columns, cells);
      if (count % rowsPerChunk === 0) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(`${chunk}</sheetData></worksheet>`);
    sheet.end();
    await done;
  } catch (error) {
    sheet.destroy();
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  return count;
}
