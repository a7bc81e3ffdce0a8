// The same report written by exceljs's streaming writer, set up for speed as its documentation advises
// (no shared strings, one number format per column rather than per cell): measured beside the project's
// own writer by `npm run bench:export -- --compare` (decision 004 chose the project's writer).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { completionColumns } from '../../server/hr/completion-columns.ts';
import type { CompletionRow } from '../../server/hr/completion-row.ts';

const formats = { text: '@', integer: '0', hours: '0.00', score: 'General', date: 'dd/mm/yyyy' } as const;

export async function writeCompletionsExceljs(
  rows: AsyncIterable<CompletionRow>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as Writable,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Réalisations');
  sheet.columns = completionColumns.map((column, i) => ({
    header: column.header,
    key: String(i),
    width: column.width,
    style: { numFmt: formats[column.kind] },
  }));
  let count = 0;
  for await (const row of rows) {
    count += 1;
    sheet
      .addRow(
        completionColumns.map((column) => {
          const value = column.value(row);
          if (value !== null && typeof value === 'object')
            return new Date(Date.UTC(value.year, value.month - 1, value.day));
          return value;
        }),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
