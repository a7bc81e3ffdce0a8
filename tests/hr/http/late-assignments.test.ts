// An assigned course through HTTP on both stores: HR assigns it with a due date, the clock passes that
// date, and the dashboard, its filters, its totals and both exports say who is late and who finished in time.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { formToken } from '../../accounts/http/admin-app.ts';
import { completeCourse } from '../../certificates/http/complete-course.ts';
import { eachStore, openedOnStore } from '../../helpers/each-store.ts';
import { addUser, signIn } from '../../helpers/test-app.ts';
import { download, excelCsv } from './hr-test-app.ts';

const openOn = openedOnStore();
const day = 86_400_000;

/** Table rows of the dashboard as « name | status ». */
const dashboardRows = (html: string) =>
  [...html.matchAll(/<tr>\s*<td>\s*<a href="\/hr\/learners\/[^"]+">([^<]+)<\/a>[\s\S]*?<\/td>[\s\S]*?<\/tr>/g)].map(
    (match) => {
      const cells = [...match[0].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) =>
        cell[1]!.replace(/<[^>]+>/g, '').trim(),
      );
      return `${match[1]} | ${cells[3]}`;
    },
  );

describe.each(eachStore)('late assigned courses on the %s store', (kind) => {
  // The test app's clock starts on Monday 23 November 2026, 10:00 in Paris.
  const open = () => openOn(kind);

  async function scenario() {
    const t = await open();
    const hrUser: Readonly<User> = await addUser(t, 'hr', { name: 'Hélène RH', structure: 'Siège' });
    const people = {
      onTime: await addUser(t, 'learner', { name: 'Aline Temps', structure: 'Foyer Sud' }),
      tardy: await addUser(t, 'learner', { name: 'Bruno Tard', structure: 'Foyer Sud' }),
      started: await addUser(t, 'learner', { name: 'Carla Commencé', structure: 'Foyer Sud' }),
      never: await addUser(t, 'learner', { name: 'Denis Jamais', structure: 'Foyer Sud' }),
      elsewhere: await addUser(t, 'learner', { name: 'Nina Nord', structure: 'Foyer Nord' }),
    };
    let hr = await signIn(t, hrUser);
    const csrf = await formToken(hr, '/hr/assignments/new');
    const assigned = await hr
      .post('/hr/assignments')
      .type('form')
      .send({ _csrf: csrf, course: 'demo', target: 'structure', structure: 'Foyer Sud', dueDate: '2026-11-25' })
      .expect(303);
    const assignmentId = /\/hr\/assignments\/([\w-]+)/.exec(assigned.headers.location!)![1]!;

    await completeCourse(t, await signIn(t, people.onTime)); // 23 November: in time
    await (await signIn(t, people.started)).get('/courses/demo/premier').expect(200);
    await (await signIn(t, people.elsewhere)).get('/courses/demo/premier').expect(200);
    t.advance(3 * day); // Thursday 26 November: the due date has passed
    await completeCourse(t, await signIn(t, people.tardy));
    hr = await signIn(t, hrUser);
    return { t, hr, assignmentId };
  }

  it('shows « En retard » for the late ones, filters on it and on the assignment, and counts them', async () => {
    const { hr, assignmentId } = await scenario();

    const late = (await hr.get('/hr?status=late').expect(200)).text;
    expect(dashboardRows(late)).toEqual(['Carla Commencé | En retard', 'Denis Jamais | En retard']);

    const ofAssignment = (await hr.get(`/hr?assignment=${assignmentId}`).expect(200)).text;
    expect(ofAssignment).toContain(`<option value="${assignmentId}" selected>`);
    expect(ofAssignment).toContain('Structure : Foyer Sud, échéance 25 novembre 2026');
    // Nina started the same course but is not concerned; Denis never started and is listed.
    expect(dashboardRows(ofAssignment)).toEqual([
      'Aline Temps | Terminé',
      'Bruno Tard | Terminé',
      'Carla Commencé | En retard',
      'Denis Jamais | En retard',
    ]);
    // Totals: a column « En retard »; enrolled are those who started (Denis did not).
    const totals = /<tfoot><tr><th scope="row">Total<\/th>(.*?)<\/tr><\/tfoot>/.exec(ofAssignment)?.[1] ?? '';
    const header = /<caption>Totaux par formation<\/caption>\s*<thead><tr>([\s\S]*?)<\/tr><\/thead>/.exec(
      ofAssignment,
    )?.[1];
    expect(header).toContain('En retard');
    expect([...totals.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1])).toEqual([
      '3', // enrolled
      '0', // in progress
      '2', // completed
      '0', // revoked (no « not started » column: the late ones who never started are counted as late)
      '2', // late
      '67\u00A0%',
      expect.any(String),
    ]);

    // Both filters together, sorted by name the other way.
    const sorted = (await hr.get(`/hr?assignment=${assignmentId}&status=late&sort=name&dir=desc`).expect(200)).text;
    expect(dashboardRows(sorted)).toEqual(['Denis Jamais | En retard', 'Carla Commencé | En retard']);
  });

  it('exports the due date and whether the completion came before it, in CSV and XLSX', async () => {
    const { hr, assignmentId } = await scenario();
    const csv = await download(hr, `/hr/exports/completions.csv?assignment=${assignmentId}&sort=name`).expect(200);
    const [header, ...rows] = excelCsv(csv.body);
    expect(header?.slice(-2)).toEqual(['Échéance', 'Terminé avant l’échéance']);
    expect(rows.map((row) => [row[0], row[6], ...row.slice(-2)])).toEqual([
      ['Aline Temps', 'Terminé', '25/11/2026', 'oui'],
      ['Bruno Tard', 'Terminé', '25/11/2026', 'non'],
      ['Carla Commencé', 'En retard', '25/11/2026', ''],
      ['Denis Jamais', 'En retard', '25/11/2026', ''],
    ]);
    // A course nobody assigned has no due date.
    const all = excelCsv((await download(hr, '/hr/exports/completions.csv?structure=Foyer+Nord').expect(200)).body);
    expect(all.slice(1).map((row) => [row[0], row[6], ...row.slice(-2)])).toEqual([['Nina Nord', 'En cours', '', '']]);

    const xlsx = await download(hr, `/hr/exports/completions.xlsx?assignment=${assignmentId}&sort=name`).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0]!;
    const cells = (row: number) => [15, 16].map((column) => sheet.getRow(row).getCell(column).value);
    expect(cells(1)).toEqual(['Échéance', 'Terminé avant l’échéance']);
    expect(cells(2)).toEqual([new Date(Date.UTC(2026, 10, 25)), 'oui']);
    expect(cells(3)).toEqual([new Date(Date.UTC(2026, 10, 25)), 'non']);
    expect(cells(4)).toEqual([new Date(Date.UTC(2026, 10, 25)), null]);
  });

  it('says so next to the field when the assignment does not exist, and lists everything else', async () => {
    const { hr } = await scenario();
    const page = await hr.get('/hr?assignment=inconnue').expect(400);
    expect(page.text).toContain('Affectation inconnue : choisissez-la dans la liste.');
    expect(dashboardRows(page.text)).toHaveLength(4); // every started pair: Aline, Bruno, Carla, Nina
  });
});
