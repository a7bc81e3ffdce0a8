import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCompletionsXlsx } from '../../../server/hr/write-completions-xlsx.ts';
import { collectOutput } from '../collect-output.ts';
import { fromArray, makeCompletionRow } from '../make-completion-row.ts';

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Réalisations');
  if (!sheet) throw new Error('no "Réalisations" sheet');
  return sheet;
}

const rowValues = (sheet: ExcelJS.Worksheet, number: number): unknown[] =>
  (sheet.getRow(number).values as unknown[]).slice(1);

describe('writeCompletionsXlsx', () => {
  it('writes a "Réalisations" sheet with a bold, frozen header and sized columns', async () => {
    const out = collectOutput();
    await writeCompletionsXlsx(fromArray([makeCompletionRow()]), out.stream);
    const sheet = await readBack(out.bytes());
    expect(rowValues(sheet, 1)).toEqual([
      'Nom',
      'E-mail',
      'Matricule',
      'Structure',
      'Formation',
      'Version',
      'Statut',
      'Début',
      'Fin',
      'Temps mesuré (h)',
      'Durée déclarée (h)',
      'Note finale (%)',
      'Code attestation',
      'Statut attestation',
      'Échéance',
      'Terminé avant l’échéance',
    ]);
    sheet.getRow(1).eachCell((cell) => expect(cell.font?.bold).toBe(true));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
  });

  it('types every cell: text as strings, Paris days as dates, hours and score as numbers', async () => {
    const out = collectOutput();
    const count = await writeCompletionsXlsx(fromArray([makeCompletionRow()]), out.stream);
    expect(count).toBe(1);
    const sheet = await readBack(out.bytes());
    expect(rowValues(sheet, 2)).toEqual([
      'Zoé Lefèvre',
      'zoe.lefevre@example.org',
      'M-0042',
      'Association Élan',
      'Culture numérique',
      3,
      'Terminé',
      new Date(Date.UTC(2026, 10, 2)),
      new Date(Date.UTC(2026, 10, 24)),
      1.25,
      1.5,
      87.5,
      'K7QX-92MD',
      'Valide',
    ]);
    const row = sheet.getRow(2);
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(8).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(10).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(10).numFmt).toBe('0.00');
    expect(row.getCell(12).type).toBe(ExcelJS.ValueType.Number);
  });

  it('writes the due date as a date and whether the completion came by it as text', async () => {
    const out = collectOutput();
    await writeCompletionsXlsx(fromArray([makeCompletionRow({ dueDate: '2026-11-23' })]), out.stream);
    const sheet = await readBack(out.bytes());
    expect(rowValues(sheet, 2).slice(-2)).toEqual([new Date(Date.UTC(2026, 10, 23)), 'non']);
    expect(sheet.getRow(2).getCell(15).type).toBe(ExcelJS.ValueType.Date);
  });

  it('leaves missing values as empty cells', async () => {
    const out = collectOutput();
    await writeCompletionsXlsx(
      fromArray([
        makeCompletionRow({
          status: 'not_started',
          matricule: null,
          startedAt: null,
          completedAt: null,
          finalScore: null,
          certificateCode: null,
          certificateStatus: null,
        }),
      ]),
      out.stream,
    );
    const row = (await readBack(out.bytes())).getRow(2);
    for (const column of [3, 8, 9, 12, 13, 14]) expect(row.getCell(column).value).toBeNull();
    expect(row.getCell(7).value).toBe('Non commencé');
  });

  it('stores a formula-looking name as a plain string, never as a formula', async () => {
    const name = '=HYPERLINK("http://x","clic")';
    const out = collectOutput();
    await writeCompletionsXlsx(fromArray([makeCompletionRow({ name, structure: '=1+1' })]), out.stream);
    const row = (await readBack(out.bytes())).getRow(2);
    for (const [cell, text] of [
      [row.getCell(1), name],
      [row.getCell(4), '=1+1'],
    ] as const) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('keeps accents, quotes, semicolons and line breaks, and still opens with characters XML cannot hold', async () => {
    const names = ['Ève "la Fée" Œuvré', 'Dupont; Durand', 'Ligne 1\nLigne 2', 'Nul\u0000\uFFFF part', 'Demi \uD800'];
    const out = collectOutput();
    await writeCompletionsXlsx(fromArray(names.map((name) => makeCompletionRow({ name }))), out.stream);
    const sheet = await readBack(out.bytes());
    expect([2, 3, 4, 5, 6].map((number) => sheet.getRow(number).getCell(1).value)).toEqual([
      'Ève "la Fée" Œuvré',
      'Dupont; Durand',
      'Ligne 1\nLigne 2',
      'Nul part',
      'Demi \uFFFD',
    ]);
  });

  it('reads back any printable text exactly, whatever it starts with', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc
        .tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ unit: 'grapheme' }))
        .map(([trigger, rest]) => trigger + rest),
    );
    await fc.assert(
      fc.asyncProperty(text, text, async (name, course) => {
        const out = collectOutput();
        await writeCompletionsXlsx(fromArray([makeCompletionRow({ name, course })]), out.stream);
        const row = (await readBack(out.bytes())).getRow(2);
        // exceljs reads an empty string cell back as no value at all.
        expect(row.getCell(1).value ?? '').toBe(name);
        expect(row.getCell(5).value ?? '').toBe(course);
        expect(row.getCell(1).formula).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('rejects and destroys the output when the rows fail midway', async () => {
    async function* failing() {
      yield makeCompletionRow();
      throw new Error('store unavailable');
    }
    const out = collectOutput();
    await expect(writeCompletionsXlsx(failing(), out.stream)).rejects.toThrow('store unavailable');
    expect(out.stream.destroyed).toBe(true);
  });
});
