import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvFormat } from '../../../server/hr/write-completions-csv.ts';
import { writeCompletionsCsv } from '../../../server/hr/write-completions-csv.ts';
import { collectOutput } from '../collect-output.ts';
import { fromArray, makeCompletionRow } from '../make-completion-row.ts';
import { parseCsv } from '../parse-csv.ts';

// OWASP's list, plus the full-width forms Apple Numbers folds to ASCII.
const formulaTriggers = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  // Dense in the characters that matter to CSV, which random code points rarely hit.
  fc.string({ unit: fc.constantFrom(';', ',', '"', '\r', '\n', '\t', "'", ' ', 'é', '=', '\uFEFF') }),
  fc.tuple(fc.constantFrom(...formulaTriggers), fc.string({ unit: 'binary' })).map(([trigger, rest]) => trigger + rest),
);

const learner = fc.record({ name: anyText, structure: anyText, course: anyText });

const delimiters = { 'excel-fr': ';', rfc: ',' } satisfies Record<CsvFormat, string>;

const inert = (text: string): string => (formulaTriggers.includes(text.charAt(0)) ? `'${text}` : text);

describe('writeCompletionsCsv with arbitrary text', () => {
  it('reads back every name, structure and course as written, a formula only behind a quote', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(learner, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<CsvFormat>('excel-fr', 'rfc'),
        async (learners, format) => {
          const out = collectOutput();
          const rows = learners.map((fields) => makeCompletionRow(fields));
          await writeCompletionsCsv(fromArray(rows), out.stream, format);

          let text = out.text();
          if (format === 'excel-fr') {
            expect(text.charAt(0)).toBe('\uFEFF');
            text = text.slice(1);
          }
          const records = parseCsv(text, delimiters[format]).slice(1);
          expect(records).toHaveLength(learners.length);
          records.forEach((cells, index) => {
            const input = learners[index]!;
            expect([cells[0], cells[3], cells[4]]).toEqual([
              inert(input.name),
              inert(input.structure),
              inert(input.course),
            ]);
            for (const cell of cells) expect(formulaTriggers).not.toContain(cell.charAt(0));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
