import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import { addUser, csrfOf, signIn } from '../../helpers/test-app.ts';
import { parseCsv } from '../parse-csv.ts';
import { enrollmentRow, lilas, userRow } from '../seed-completions.ts';
import { auditBesidesSignIns, download, endColumn, excelCsv, hrApp, nameColumn, statusColumn } from './hr-test-app.ts';

describe('HR exports', () => {
  it('streams a French-Excel CSV: BOM, ";", accents, dated attachment, never cached', async () => {
    const { agent } = await hrApp();
    const res = await download(agent, '/hr/exports/completions.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="realisations-2026-11-23.csv"');
    expect(res.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = excelCsv(res.body);
    expect(header?.slice(0, 3)).toEqual(['Nom', 'E-mail', 'Matricule']);
    expect(rows).toHaveLength(7);
    const chloe = rows.find((row) => row[nameColumn] === 'Chloé Lefèvre');
    expect(chloe?.slice(3, 10)).toEqual([
      'Crèche Les Lilas',
      'Cours de démonstration',
      '2',
      'Attestation révoquée',
      '05/01/2026',
      '01/07/2026',
      '1,00',
    ]);
    expect(chloe?.[13]).toBe('Révoquée');
  });

  it('gives the "rfc" variant with "," and ISO dates', async () => {
    const { agent } = await hrApp();
    const res = await download(agent, '/hr/exports/completions.csv?format=rfc&structure=Cr%C3%A8che+Les+Lilas');
    expect(res.status).toBe(200);
    const text = res.body.toString('utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rows] = parseCsv(text, ',');
    expect(header?.[0]).toBe('Nom');
    expect(rows.map((row) => row[nameColumn]).sort()).toEqual(['Chloé Lefèvre', 'Hugo Bernard']);
    expect(rows.find((row) => row[nameColumn] === 'Chloé Lefèvre')?.[endColumn]).toBe('2026-07-01');
  });

  it('honours the dashboard filters and sort', async () => {
    const { agent } = await hrApp();
    const res = await download(agent, '/hr/exports/completions.csv?course=demo&sort=name&dir=desc');
    const rows = excelCsv(res.body).slice(1);
    expect(rows.map((row) => `${row[nameColumn]}:${row[statusColumn]}`)).toEqual([
      'Hugo Bernard:Terminé',
      'Fanny Morel:Non commencé',
      'Damien Roux:Non commencé',
      'Chloé Lefèvre:Attestation révoquée',
      'Bruno Petit:En cours',
      'Alice Martin:Terminé',
    ]);
  });

  it('writes an XLSX workbook holding the same rows as the CSV', async () => {
    const { agent } = await hrApp();
    const xlsx = await download(agent, '/hr/exports/completions.xlsx?course=demo').expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="realisations-2026-11-23.xlsx"');
    expect(xlsx.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Réalisations')!;
    const fromXlsx: string[][] = [];
    sheet.eachRow((row) => {
      // row.values is sparse (empty cells are holes): Array.from turns them into undefined.
      fromXlsx.push(Array.from((row.values as unknown[]).slice(1), (value, column) => asExcelFrText(value, column)));
    });
    const csv = await download(agent, '/hr/exports/completions.csv?course=demo');
    const fromCsv = excelCsv(csv.body);
    const width = fromCsv[0]!.length;
    expect(fromXlsx.map((row) => row.concat(Array(width - row.length).fill('')))).toEqual(fromCsv);
  });

  it('makes a formula in a name inert in the CSV', async () => {
    const { t, agent } = await hrApp();
    await t.store.transact((tx) => {
      tx.put('users', userRow('mallory', '=HYPERLINK("http://x","clic")'));
      tx.put('enrollments', enrollmentRow('mallory', 'demo', null));
    });
    const res = await download(agent, '/hr/exports/completions.csv');
    const rows = excelCsv(res.body);
    expect(rows.map((row) => row[nameColumn])).toContain('\'=HYPERLINK("http://x","clic")');
    expect(rows.map((row) => row[nameColumn])).not.toContain('=HYPERLINK("http://x","clic")');
  });

  it('records each export in the audit log with who, when, the filters and the format', async () => {
    const { t, hr, agent } = await hrApp();
    await download(agent, '/hr/exports/completions.csv?course=demo&status=completed&from=').expect(200);
    await download(agent, '/hr/exports/completions.xlsx?structure=Cr%C3%A8che+Les+Lilas').expect(200);
    await download(agent, '/hr/exports/completions.csv?format=rfc').expect(200);
    // A HEAD request carries no data: nothing to audit.
    await agent.head('/hr/exports/completions.csv').expect(200);
    const entries = [...(await t.store.findBy('audit', 'actorId', hr.id))]
      .filter((entry) => entry.action === 'report.completions_exported')
      .sort((a, b) => a.at.localeCompare(b.at));
    expect(entries.map((entry) => entry.details)).toEqual(
      expect.arrayContaining([
        { format: 'csv-excel-fr', filters: { course: 'demo', status: 'completed' } },
        { format: 'xlsx', filters: { structure: lilas } },
        { format: 'csv-rfc', filters: {} },
      ]),
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]?.at).toBe('2026-11-23T09:00:00.000Z');
  });

  it('refuses to export (503, no file) when the audit entry cannot be written', async () => {
    const { t, agent } = await hrApp();
    const transact = t.store.transact.bind(t.store);
    t.store.transact = ((fn: Parameters<typeof transact>[0]) =>
      transact((tx) =>
        fn({
          get: tx.get.bind(tx),
          findBy: tx.findBy.bind(tx),
          delete: tx.delete.bind(tx),
          put: (coll, row) => {
            if (coll === 'audit') throw new StoreUnavailableError('disque plein');
            return tx.put(coll, row);
          },
        }),
      )) as typeof t.store.transact;
    for (const url of ['/hr/exports/completions.csv', '/hr/exports/completions.xlsx']) {
      const res = await download(agent, url).expect(503);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.body.toString('utf8')).not.toContain('Alice Martin');
    }
    expect(await auditBesidesSignIns(t)).toBe(0);
  });

  it('sends a wrong filter back to the dashboard instead of exporting more than was asked', async () => {
    const { t, agent } = await hrApp();
    const res = await agent.get('/hr/exports/completions.csv?from=31/12/2026&course=demo').expect(303);
    expect(res.headers.location).toBe('/hr?from=31/12/2026&course=demo');
    expect(await auditBesidesSignIns(t)).toBe(0);
  });
});

// The valid fixture: module "premier" (4 questions) then the final assessment "evaluation".
const rightFirstQuiz = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: '  whats app ! ' };

describe('HR export after a real learning journey', () => {
  it('lists a learner who completed the course through the site as completed, with the certificate', async () => {
    const { t, agent } = await hrApp();
    const learner = await addUser(t, 'learner', { name: 'Léon Ça-Va', structure: 'Épicerie solidaire' });
    const learnerAgent = await signIn(t, learner);
    const module = await learnerAgent.get('/courses/demo/premier').expect(200);
    t.advance(6 * 60_000);
    await learnerAgent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(module.text), ...rightFirstQuiz })
      .expect(200);
    const final = await learnerAgent.get('/courses/demo/evaluation').expect(200);
    await learnerAgent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(final.text), q1: 'deux', q2: 'c2' })
      .expect(200);

    const res = await download(agent, '/hr/exports/completions.csv?structure=%C3%89picerie+solidaire');
    const [, row, ...rest] = excelCsv(res.body);
    expect(rest).toEqual([]);
    expect(row?.slice(0, 9)).toEqual([
      'Léon Ça-Va',
      learner.email,
      '',
      'Épicerie solidaire',
      'Cours de démonstration',
      '2',
      'Terminé',
      '23/11/2026',
      '23/11/2026',
    ]);
    expect(row?.[9]).toBe('0,10');
    expect(row?.[11]).toBe('100');
    expect(row?.[12]).toMatch(/^PAS-/);
    expect(row?.[13]).toBe('Valide');

    const dashboard = await agent.get('/hr?status=completed&from=2026-11-23&to=2026-11-23').expect(200);
    expect(dashboard.text).toContain('Léon Ça-Va');
  });
});

/** An XLSX cell written the way the excel-fr CSV writes it, to compare the two files. */
function asExcelFrText(value: unknown, column: number): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'number') {
    const hoursColumns = [9, 10];
    return (hoursColumns.includes(column) ? value.toFixed(2) : String(value)).replace('.', ',');
  }
  return String(value);
}
