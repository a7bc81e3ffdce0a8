import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { neutralizeFormula } from '../shared/neutralize-formula.ts';
import { type CompletionColumn, completionColumns } from './completion-columns.ts';
import type { CompletionRow } from './completion-row.ts';
import type { CalendarDay } from './paris-day.ts';

/** `excel-fr` opens by double-click in a French Excel; `rfc` is for other tools and scripts. */
export type CsvFormat = 'excel-fr' | 'rfc';

type CsvConvention = {
  bom: boolean;
  delimiter: string;
  decimalSeparator: string;
  day: (day: CalendarDay) => string;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

// Excel reads a BOM-less file as Windows-1252 and, in a French locale, splits on ';' and parses '1,25'.
const conventions = {
  'excel-fr': {
    bom: true,
    delimiter: ';',
    decimalSeparator: ',',
    day: ({ year, month, day }) => `${pad(day)}/${pad(month)}/${pad(year, 4)}`,
  },
  rfc: {
    bom: false,
    delimiter: ',',
    decimalSeparator: '.',
    day: ({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
  },
} satisfies Record<CsvFormat, CsvConvention>;

function toCsvCell(column: CompletionColumn, row: CompletionRow, convention: CsvConvention): string {
  switch (column.kind) {
    case 'text': {
      const text = column.value(row);
      return text === null ? '' : neutralizeFormula(text);
    }
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
  const convention = conventions[format];
  let count = 0;
  async function* records(): AsyncGenerator<string[]> {
    yield completionColumns.map((column) => column.header);
    for await (const row of rows) {
      count += 1;
      yield completionColumns.map((column) => toCsvCell(column, row, convention));
    }
  }
  // RFC 4180: a field holding the delimiter, a quote, CR or LF is quoted, its quotes doubled.
  const stringifier = stringify({
    bom: convention.bom,
    delimiter: convention.delimiter,
    record_delimiter: '\r\n',
    // Given a custom record delimiter, csv-stringify stops quoting lone CR and LF unless told to.
    quote_record_delimiter: true,
  });
  await pipeline(Readable.from(records()), stringifier, out);
  return count;
}
