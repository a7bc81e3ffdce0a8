import { Readable } from 'node:stream';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';
import { neutralizeFormula } from '../shared/neutralize-formula.ts';

/** Loaded by the first export, not at start-up (decision 025). */
const csvStringify = loadOnFirstUse<typeof import('csv-stringify')>('csv-stringify');

export type Cell = string | number | boolean | null | undefined;

/**
 * A CSV file for a French Excel (BOM, `;`, CRLF), streamed row by row; text cells that a spreadsheet
 * would run as a formula are made inert.
 */
export function csvStream(header: readonly string[], rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): Readable {
  const csv = csvStringify().stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n' });
  const cell = (value: Cell) =>
    typeof value === 'string' ? neutralizeFormula(value) : value === null || value === undefined ? '' : String(value);
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield row.map(cell);
    })(),
  );
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
