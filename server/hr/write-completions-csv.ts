import { type CsvConvention, type CsvFormat, csvConventions, csvText, writeCsv } from '../shared/csv/write-csv.ts';
import { type CompletionColumn, completionColumns } from './completion-columns.ts';
import type { CompletionRow } from './completion-row.ts';

export type { CsvFormat };

function toCsvCell(column: CompletionColumn, row: CompletionRow, convention: CsvConvention): string {
  switch (column.kind) {
    case 'text':
      return csvText(column.value(row));
    case 'integer':
    case 'hours':
    case 'score': {
      const value = column.value(row);
      if (value === null) return '';
      const digits = column.kind === 'hours' ? value.toFixed(2) : String(value);
      return digits.replace('.', convention.decimalSeparator);
    }
    case 'date': {
      const day = column.value(row);
      return day === null ? '' : convention.day(day);
    }
  }
}

/**
 * Streams the report as CSV into `out`, header first, and ends `out` (destroys it on failure).
 * Rows are pulled from `rows` only as fast as `out` accepts bytes. Resolves with the number of rows.
 */
export async function writeCompletionsCsv(
  rows: AsyncIterable<CompletionRow>,
  out: NodeJS.WritableStream,
  format: CsvFormat,
): Promise<number> {
  const convention = csvConventions[format];
  let count = 0;
  async function* records(): AsyncGenerator<string[]> {
    yield completionColumns.map((column) => column.header);
    for await (const row of rows) {
      count += 1;
      yield completionColumns.map((column) => toCsvCell(column, row, convention));
    }
  }
  await writeCsv(records(), out, format);
  return count;
}
