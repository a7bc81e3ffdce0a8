import type { Writable } from 'node:stream';
import { translate } from '../i18n/translate.ts';
import { writeXlsx, type XlsxCell, type XlsxKind } from '../shared/xlsx/write-xlsx.ts';
import { type CompletionColumn, completionColumns } from './completion-columns.ts';
import type { CompletionRow } from './completion-row.ts';

/** How each kind of report column is typed in the sheet: hours with two decimals, scores as written. */
const cellKinds = {
  text: 'text',
  integer: 'integer',
  hours: 'decimal',
  score: 'number',
  date: 'date',
} satisfies Record<CompletionColumn['kind'], XlsxKind>;

const columns = completionColumns.map((column) => ({
  header: column.header,
  kind: cellKinds[column.kind],
  width: column.width,
}));

async function* cellsOf(rows: AsyncIterable<CompletionRow>): AsyncIterable<XlsxCell[]> {
  for await (const row of rows) yield completionColumns.map((column) => column.value(row));
}

/**
 * Streams the report as an XLSX workbook into `out` and ends it (destroys it on failure), paced to what
 * `out` accepts. Resolves with the number of rows.
 */
export function writeCompletionsXlsx(rows: AsyncIterable<CompletionRow>, out: NodeJS.WritableStream): Promise<number> {
  return writeXlsx(out as Writable, translate('hr.file.sheet'), columns, cellsOf(rows));
}
