import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../server/learning/schema.ts';
import { StoreUnavailableError } from '../../server/store/errors.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../helpers/test-app.ts';
import { parseCsv } from './parse-csv.ts';
import { enrollmentRow, lilas, seedCompletions, userRow } from './seed-completions.ts';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close().catch(() => {});
});

/** The app on the valid fixture catalog (course 'demo'), with the seeded learners, and an HR agent. */
async function hrApp() {
  const t = await createTestApp();
  opened.push(t);
  await seedCompletions(t.store);
  const hr = await addUser(t, 'hr', { name: 'Rose RH', structure: lilas });
  return { t, hr, agent: await signIn(t, hr) };
}

/** A download as raw bytes (supertest would decode text/csv as a string and hide the BOM). */
function download(agent: request.Agent, url: string) {
  return agent
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

/** Records of an excel-fr CSV download, after checking its BOM. */
function excelCsv(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(body.subarray(3).toString('utf8'), ';');
}

const nameColumn = 0;
const statusColumn = 6;
const endColumn = 8;

const hrUrls = ['/hr', '/hr/learners/alice', '/hr/exports/completions.csv', '/hr/exports/completions.xlsx'];

describe('HR routes: access', () => {
  it('opens the dashboard to HR and admins', async () => {
    const { t, agent } = await hrApp();
    await agent.get('/hr').expect(200);
    const admin = await signIn(t, await addUser(t, 'admin'));
    await admin.get('/hr').expect(200);
  });

  it('refuses learners and trainers every HR page and export', async () => {
    const { t } = await hrApp();
    for (const role of ['learner', 'trainer'] as const) {
      const agent = await signIn(t, await addUser(t, role));
      for (const url of hrUrls) await agent.get(url).expect(403);
    }
    expect(await t.store.count('audit')).toBe(0);
  });

  it('sends anonymous visitors to the sign-in page', async () => {
    const { t } = await hrApp();
    for (const url of hrUrls) {
      const res = await request(t.app).get(url).expect(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
  });
});

describe('HR dashboard', () => {
  it('narrows the table with GET filters that can be bookmarked', async () => {
    const { agent } = await hrApp();
    const all = await agent.get('/hr').expect(200);
    expect(all.text).toContain('Alice Martin');
    expect(all.text).toContain('Chloé Lefèvre');

    const lilasOnly = await agent.get('/hr').query({ structure: lilas }).expect(200);
    expect(lilasOnly.text).toContain('Chloé Lefèvre');
    expect(lilasOnly.text).toContain('Hugo Bernard');
    expect(lilasOnly.text).not.toContain('Alice Martin');
    expect(lilasOnly.text).toMatch(/<option value="Crèche Les Lilas" selected>/);

    const revoked = await agent.get('/hr?status=revoked').expect(200);
    expect(revoked.text).toContain('Chloé Lefèvre');
    expect(revoked.text).not.toContain('Hugo Bernard');

    const july = await agent.get('/hr?from=2026-07-01&to=2026-07-31').expect(200);
    expect(july.text).toContain('Chloé Lefèvre');
    expect(july.text).not.toContain('Alice Martin');
  });

  it('lists the learners who have not started a course once that course is chosen', async () => {
    const { agent } = await hrApp();
    const demo = await agent.get('/hr?course=demo&status=not_started').expect(200);
    expect(demo.text).toContain('Damien Roux');
    expect(demo.text).toContain('Non commencé');
    expect(demo.text).not.toContain('Alice Martin');
  });

  it('says so when nothing matches', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr').query({ structure: 'Une structure sans personne' }).expect(200);
    expect(res.text).toContain('Aucune réalisation ne correspond à ces filtres.');
  });

  it('shows an invalid date as a French error next to its field, and ignores only that filter', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr').query({ from: '2026-13-45', structure: lilas }).expect(400);
    expect(res.text).toContain('<p class="field-error" id="from-error">Date invalide');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('Chloé Lefèvre');
    expect(res.text).not.toContain('Alice Martin');
    await agent.get('/hr?page=zero&sort=email&to=hier').expect(400);
  });

  it('has sort links that keep the filters and mark the sorted column', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr?course=demo&sort=status').expect(200);
    expect(res.text).toContain('<caption>');
    expect(res.text).toContain(
      '<th scope="col" aria-sort="ascending"><a href="/hr?course=demo&amp;sort=status&amp;dir=desc">',
    );
    expect(res.text).toContain('href="/hr?course=demo&amp;sort=name"');
    const desc = await agent.get('/hr?sort=completedAt&dir=desc').expect(200);
    expect(desc.text.indexOf('Chloé Lefèvre')).toBeLessThan(desc.text.indexOf('Hugo Bernard'));
  });

  it('pages through the rows, 50 a page, with links that keep the filters', async () => {
    const { t, agent } = await hrApp();
    await t.store.transact((tx) => {
      for (let index = 0; index < 60; index += 1) {
        const id = `extra-${String(index).padStart(2, '0')}`;
        tx.put('users', userRow(id, `Zénon ${String(index).padStart(2, '0')}`, { structure: 'Régie Est' }));
        tx.put('enrollments', enrollmentRow(id, 'demo', null));
      }
    });
    const first = await agent.get('/hr?structure=R%C3%A9gie+Est').expect(200);
    expect(first.text).toContain('60 réalisations, page 1 sur 2');
    expect(first.text).toContain('Zénon 49');
    expect(first.text).not.toContain('Zénon 50');
    expect(first.text).toContain('href="/hr?structure=R%C3%A9gie+Est&amp;page=2" rel="next"');
    const second = await agent.get('/hr?structure=R%C3%A9gie+Est&page=2').expect(200);
    expect(second.text).toContain('Zénon 59');
    expect(second.text).not.toContain('Zénon 49');
    // A page past the end shows the last one rather than an empty table.
    const beyond = await agent.get('/hr?structure=R%C3%A9gie+Est&page=9').expect(200);
    expect(beyond.text).toContain('Zénon 59');
  });

  it('shows totals per course and per structure over every filtered row', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr').expect(200);
    expect(res.text).toContain('<caption>Totaux par formation</caption>');
    expect(res.text).toContain('<caption>Totaux par structure</caption>');
    // demo: Alice completed, Bruno in progress, Chloé revoked, Hugo completed → 2 of 4; 15+2+60+30 min.
    expect(res.text).toMatch(
      /<a href="\/hr\?course=demo">Cours de démonstration<\/a><\/th><td>4<\/td><td>1<\/td><td>2<\/td><td>1<\/td><td>50\u00A0%<\/td><td>1,8<\/td>/,
    );
  });

  it('carries the current filters into the export links', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr?course=demo&status=completed&page=2').expect(200);
    expect(res.text).toContain('href="/hr/exports/completions.csv?course=demo&amp;status=completed"');
    expect(res.text).toContain('href="/hr/exports/completions.csv?course=demo&amp;status=completed&amp;format=rfc"');
    expect(res.text).toContain('href="/hr/exports/completions.xlsx?course=demo&amp;status=completed"');
  });
});

describe('HR learner page', () => {
  it('shows every course of a learner with times, attempts, best score and certificate links', async () => {
    const { t, agent } = await hrApp();
    const attempt = (id: string, score: number): Attempt => ({
      id,
      userId: 'alice',
      course: 'demo',
      module: 'evaluation',
      courseVersion: 2,
      contentHash: 'hash',
      createdAt: '2026-03-10T09:00:00.000Z',
      answers: {},
      correct: {},
      score,
      passMark: 80,
      passed: score >= 80,
    });
    await t.store.transact((tx) => {
      tx.put('attempts', attempt('a1', 50));
      tx.put('attempts', attempt('a2', 100));
    });
    const res = await agent.get('/hr/learners/alice').expect(200);
    expect(res.text).toContain('<h1>Alice Martin</h1>');
    expect(res.text).toContain('Ancienne formation');
    expect(res.text).toMatch(/Cours de démonstration <span class="meta">v2<\/span><\/th>\s*<td>Terminé<\/td>/);
    expect(res.text).toContain('<td>15 min</td>\n<td>25 min</td>\n<td>2</td>\n<td>100\u00A0%</td>');
    expect(res.text).toMatch(/href="\/certificates\/cert-alice-demo-\d+">PAS-TEST-\d{4}<\/a>/);
  });

  it('shows a revoked certificate with its reason', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr/learners/chloe').expect(200);
    expect(res.text).toContain('Attestation révoquée');
    expect(res.text).toContain('Attestation délivrée par erreur');
  });

  it('answers 404 for an unknown account', async () => {
    const { agent } = await hrApp();
    await agent.get('/hr/learners/nobody').expect(404);
  });
});

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
    expect(fromXlsx.map((row) => row.concat(Array(14 - row.length).fill('')))).toEqual(fromCsv);
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
    expect(await t.store.count('audit')).toBe(0);
  });

  it('sends a wrong filter back to the dashboard instead of exporting more than was asked', async () => {
    const { t, agent } = await hrApp();
    const res = await agent.get('/hr/exports/completions.csv?from=31/12/2026&course=demo').expect(303);
    expect(res.headers.location).toBe('/hr?from=31/12/2026&course=demo');
    expect(await t.store.count('audit')).toBe(0);
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
      .expect(303);
    const final = await learnerAgent.get('/courses/demo/evaluation').expect(200);
    await learnerAgent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(final.text), q1: 'deux', q2: 'c2' })
      .expect(303);

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
