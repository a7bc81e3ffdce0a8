import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx, type XlsxCell, type XlsxColumn } from '../../server/shared/xlsx/write-xlsx.ts';

const columns: XlsxColumn[] = [
  { header: 'Nom', kind: 'text', width: 24 },
  { header: 'Modules', kind: 'integer', width: 10 },
  { header: 'Heures', kind: 'decimal', width: 10 },
  { header: 'Terminée le', kind: 'date', width: 14 },
];

async function* rowsOf(rows: XlsxCell[][]) {
  yield* rows;
}

async function toBuffer(rows: XlsxCell[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(out, 'Réalisations', columns, rowsOf(rows));
  return Buffer.concat(chunks);
}

/** Reads the file back with an independent reader, as a spreadsheet program would. */
async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  return workbook.worksheets[0]!;
}

describe('writeXlsx', () => {
  it('writes typed cells under a bold, frozen header that a spreadsheet reads back', async () => {
    const sheet = await readBack(
      await toBuffer([
        ['Zoé Martin', 5, 1.5, { year: 2026, month: 11, day: 23 }],
        ['Élise & <Jean> "Dupont"', 0, null, null],
      ]),
    );
    expect(sheet.name).toBe('Réalisations');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nom', 'Modules', 'Heures', 'Terminée le']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A2').value).toBe('Zoé Martin');
    expect(sheet.getCell('B2').value).toBe(5);
    expect(sheet.getCell('C2').value).toBe(1.5);
    expect(sheet.getCell('C2').numFmt).toBe('0.00');
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(sheet.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('A3').value).toBe('Élise & <Jean> "Dupont"');
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getColumn(1).width).toBe(24);
  });

  it('shows a number as typed unless the column says integer or two decimals', async () => {
    const mixed: XlsxColumn[] = [
      { header: 'Note', kind: 'number', width: 8 },
      { header: 'Modules', kind: 'integer', width: 8 },
    ];
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeXlsx(out, 'S', mixed, rowsOf([[87.5, 3]]));
    const sheet = await readBack(Buffer.concat(chunks));
    expect(sheet.getCell('A2').value).toBe(87.5);
    expect(sheet.getCell('A2').numFmt ?? 'General').toBe('General');
    expect(sheet.getCell('B2').numFmt).toBe('0');
  });

  it('stores a text that looks like a formula as text, never as a formula', async () => {
    const sheet = await readBack(await toBuffer([['=HYPERLINK("http://x")', 1, 1, null]]));
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('A2').formula).toBeUndefined();
  });

  it('drops the characters XML cannot carry instead of producing an unreadable file', async () => {
    const sheet = await readBack(await toBuffer([['a\u0001b\uFFFEc\uD800d', 1, 1, null]]));
    expect(sheet.getCell('A2').value).toBe('abc\uFFFDd');
  });

  it('names columns past Z as a spreadsheet does (AA, AB…)', async () => {
    const wide: XlsxColumn[] = Array.from({ length: 28 }, (_, i) => ({ header: `c${i}`, kind: 'integer', width: 5 }));
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeXlsx(out, 'S', wide, rowsOf([Array.from({ length: 28 }, (_, i) => i)]));
    const sheet = await readBack(Buffer.concat(chunks));
    expect(sheet.getCell('AB2').value).toBe(27);
  });

  it('rejects and stops reading rows when the reader goes away', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1;
        yield ['ligne', pulled, 1, null] as XlsxCell[];
      }
    }
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        setTimeout(() => {
          out.destroy(new Error('client gone'));
          callback();
        }, 5);
      },
    });
    await expect(writeXlsx(out, 'S', columns, endless())).rejects.toThrow();
    expect(pulled).toBeLessThan(100_000);
  });
});
