import { once } from 'node:events';
import type { Stream, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { translate } from '../i18n/translate.ts';
import { type CompletionColumn, completionColumns } from './completion-columns.ts';
import type { CompletionRow } from './completion-row.ts';

// exceljs is unmaintained and heavy: this module is the only one that imports it.

const numberFormats = {
  text: undefined,
  integer: '0',
  hours: '0.00',
  score: undefined,
  date: 'dd/mm/yyyy',
} satisfies Record<CompletionColumn['kind'], string | undefined>;

/** Excel refuses a cell longer than this. */
const maxCellLength = 32_767;

// exceljs already drops the C0 controls XML forbids; U+FFFE, U+FFFF and lone surrogates would still
// make the whole file unreadable, so one odd character in one name cannot cost HR the export.
function toXmlSafeText(text: string): string {
  return text
    .slice(0, maxCellLength)
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/[\uFFFE\uFFFF]/g, '');
}

type XlsxCell = string | number | Date | null;

function toXlsxCell(column: CompletionColumn, row: CompletionRow): XlsxCell {
  switch (column.kind) {
    case 'text': {
      // A string cell is stored as text (t="str"), never as a formula, so no quote prefix is needed here.
      const text = column.value(row);
      return text === null ? null : toXmlSafeText(text);
    }
    case 'integer':
    case 'hours':
    case 'score':
      return column.value(row);
    case 'date': {
      // Midnight UTC of the Paris day: Excel dates carry no zone and exceljs converts through UTC.
      const day = column.value(row);
      return day === null ? null : new Date(Date.UTC(day.year, day.month - 1, day.day));
    }
  }
}

/** Rows between two looks at `out`: enough to keep exceljs busy, few enough to bound what it buffers. */
const rowsPerCheck = 100;

// exceljs pushes into its zip without ever looking at `out`: without this pacing a slow reader
// (a download over a bad connection) would make the whole file pile up in memory.
function paceTo(out: NodeJS.WritableStream) {
  let failure: unknown;
  const failed = new Promise<never>((_, reject) => {
    finished(out).catch((error: unknown) => {
      failure = error;
      reject(error);
    });
  });
  failed.catch(() => {});
  const needsDrain = () => (out as Partial<Writable>).writableNeedDrain === true;
  return {
    failed,
    /** Lets the zip and the pipe move bytes, then waits while `out` is full; throws if `out` failed. */
    async room(): Promise<void> {
      await new Promise((resolve) => setImmediate(resolve));
      while (failure === undefined && needsDrain()) await Promise.race([once(out, 'drain'), failed]);
      if (failure !== undefined) throw failure;
    },
  };
}

/**
 * Streams the report as an XLSX workbook into `out` and ends `out` (destroys it on failure).
 * Rows are committed one by one and paced to what `out` accepts. Resolves with the number of rows.
 */
export async function writeCompletionsXlsx(
  rows: AsyncIterable<CompletionRow>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const pace = paceTo(out);
  // Shared strings would keep every distinct text in memory until the end: inline strings stream.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(translate('hr.file.sheet'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = completionColumns.map((column) => {
    const numFmt = numberFormats[column.kind];
    return { width: column.width, style: numFmt ? { numFmt } : {} };
  });
  const header = sheet.addRow(completionColumns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();

  let count = 0;
  try {
    for await (const row of rows) {
      sheet.addRow(completionColumns.map((column) => toXlsxCell(column, row))).commit();
      count += 1;
      if (count % rowsPerCheck === 0) await pace.room();
    }
    sheet.commit();
    await Promise.race([workbook.commit(), pace.failed]);
  } catch (error) {
    (out as Partial<Writable>).destroy?.(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  return count;
}
