import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadOnFirstUse } from '../load-on-first-use.ts';
import { neutralizeFormula } from '../neutralize-formula.ts';

/** Loaded by the first export, not at start-up (decision 025). */
const csvStringify = loadOnFirstUse<typeof import('csv-stringify')>('csv-stringify');

/** `excel-fr` opens by double-click in a French Excel; `rfc` is for other tools and scripts. */
export type CsvFormat = 'excel-fr' | 'rfc';

export type CsvConvention = {
  bom: boolean;
  delimiter: string;
  decimalSeparator: string;
  day: (day: { year: number; month: number; day: number }) => string;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

// Excel reads a BOM-less file as Windows-1252 and, in a French locale, splits on ';' and parses '1,25'.
export const csvConventions = {
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

/** A text cell a spreadsheet will not run as a formula; empty for null. */
export function csvText(text: string | null): string {
  return text === null ? '' : neutralizeFormula(text);
}

/**
 * Streams records (already cells) as CSV into `out` and ends it (destroys it on failure); records are pulled
 * only as fast as `out` accepts bytes. Text cells must go through `csvText` first.
 */
export async function writeCsv(
  records: AsyncIterable<string[]> | Iterable<string[]>,
  out: NodeJS.WritableStream,
  format: CsvFormat,
): Promise<void> {
  const convention = csvConventions[format];
  // RFC 4180: a field holding the delimiter, a quote, CR or LF is quoted, its quotes doubled.
  const stringifier = csvStringify().stringify({
    bom: convention.bom,
    delimiter: convention.delimiter,
    record_delimiter: '\r\n',
    // Given a custom record delimiter, csv-stringify stops quoting lone CR and LF unless told to.
    quote_record_delimiter: true,
  });
  await pipeline(Readable.from(records), stringifier, out);
}
