import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { formToken } from '../../accounts/http/admin-app.ts';
import { completeCourse } from '../../certificates/http/complete-course.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let hr: Agent;
let hrUser: Readonly<User>;
const day = 86_400_000;

beforeEach(async () => {
  // Monday 23 November 2026, 10:00 in Paris.
  t = await createTestApp();
  hrUser = await addUser(t, 'hr', { name: 'Hélène RH', structure: 'Siège' });
  hr = await signIn(t, hrUser);
});
afterEach(() => t.close());

async function assign(fields: Record<string, string>) {
  const csrf = await formToken(hr, '/hr/assignments/new');
  return hr
    .post('/hr/assignments')
    .type('form')
    .send({ _csrf: csrf, course: 'demo', dueDate: '', ...fields });
}

const todoOf = (html: string) => /<section aria-labelledby="todo-title">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';

describe('assigning a course to a structure', () => {
  it('puts it in « À faire » for its members, newcomers included, with the due date, and not for others', async () => {
    const member = await addUser(t, 'learner', { name: 'Marc Sud', structure: 'Foyer Sud' });
    const other = await addUser(t, 'learner', { name: 'Nina Nord', structure: 'Foyer Nord' });
    const res = await assign({ target: 'structure', structure: 'Foyer Sud', dueDate: '2026-12-15' });
    expect(res.status).toBe(303);
    expect(res.headers.location!).toMatch(/^\/hr\/assignments\/[\w-]+\?done=created$/);
    const page = await hr.get(res.headers.location!).expect(200);
    expect(page.text).toContain('Structure : Foyer Sud');
    expect(page.text).toContain('15 décembre 2026');
    expect(page.text).toContain('1 personne(s) concernée(s), 0 l’ont terminée, 0 en retard.');

    const marc = await signIn(t, member);
    for (const path of ['/', '/me']) {
      const todo = todoOf((await marc.get(path).expect(200)).text);
      expect(todo).toContain('Cours de démonstration');
      expect(todo).toContain('à terminer avant le 15 décembre 2026 inclus');
      expect(todo).toContain('href="/courses/demo/resume">Commencer</a>');
    }
    expect(todoOf((await (await signIn(t, other)).get('/me')).text)).toBe('');

    // Someone who joins the structure afterwards has it too.
    const newcomer = await addUser(t, 'learner', { name: 'Zoé Nouvelle', structure: 'Foyer Sud' });
    expect(todoOf((await (await signIn(t, newcomer)).get('/me')).text)).toContain('15 décembre 2026');
    expect((await hr.get(res.headers.location!)).text).toContain('2 personne(s) concernée(s)');
  });
});

describe('due dates', () => {
  it('tells who completed on time, late, or is late; the learner sees it is late', async () => {
    const onTime = await addUser(t, 'learner', { name: 'A Temps', structure: 'Foyer Sud' });
    const tardy = await addUser(t, 'learner', { name: 'B Tard', structure: 'Foyer Sud' });
    const never = await addUser(t, 'learner', { name: 'C Jamais', structure: 'Foyer Sud' });
    const res = await assign({ target: 'structure', structure: 'Foyer Sud', dueDate: '2026-11-25' });
    const detail = res.headers.location!.split('?')[0]!;
    await completeCourse(t, await signIn(t, onTime)); // on 23 November
    t.advance(3 * day); // 26 November: past the due date
    const late = await signIn(t, never);
    expect(todoOf((await late.get('/me')).text)).toContain('En retard : la date limite était le 25 novembre 2026');
    await completeCourse(t, await signIn(t, tardy));
    hr = await signIn(t, hrUser); // three days later: a new session

    const page = (await hr.get(detail).expect(200)).text;
    expect(page).toContain('3 personne(s) concernée(s), 2 l’ont terminée, 1 en retard.');
    const rows = [
      ...page.matchAll(
        /<tr><td><a href="\/hr\/learners\/[\w-]+">([^<]+)<\/a><\/td><td>[^<]*<\/td><td>(.*?)<\/td><\/tr>/g,
      ),
    ].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')]);
    expect(rows).toEqual([
      ['C Jamais', 'En retard'],
      ['B Tard', 'Terminée en retard le 26 novembre 2026'],
      ['A Temps', 'Terminée le 23 novembre 2026'],
    ]);
    const onlyLate = (await hr.get(`${detail}?late=1`).expect(200)).text;
    expect(onlyLate).toContain('C Jamais');
    expect(onlyLate).not.toContain('A Temps');
    const list = (await hr.get('/hr/assignments').expect(200)).text;
    expect(list).toMatch(/<td>3<\/td><td>2<\/td><td>1<\/td>/);
    // The list for Excel: due date, completion date and whether it came in time; the export is audited.
    const csv = await hr.get(`${detail}/export.csv`).expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="formation-assignee-demo-2026-11-26.csv"');
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.text.split('\r\n')).toEqual([
      '\uFEFFNom;Matricule;Structure;Formation;Date limite;État;Terminée le;Avant la date limite',
      'C Jamais;;Foyer Sud;Cours de démonstration;25/11/2026;En retard;;',
      'B Tard;;Foyer Sud;Cours de démonstration;25/11/2026;Terminée en retard;26/11/2026;non',
      'A Temps;;Foyer Sud;Cours de démonstration;25/11/2026;Terminée;23/11/2026;oui',
      '',
    ]);
    const audit = await t.store.findBy('audit', 'actorId', hrUser.id);
    expect(audit.map((a) => a.action)).toContain('report.assignment_exported');
    // Completed: no longer « À faire ».
    expect(todoOf((await (await signIn(t, onTime)).get('/me')).text)).toBe('');
  });
});

describe('the form', () => {
  it('refuses unknown addresses, a past or impossible date, with the text kept (400)', async () => {
    await addUser(t, 'learner', { email: 'connu@exemple.org' });
    const unknown = await assign({ target: 'people', emails: 'connu@exemple.org\ninconnu@exemple.org' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Aucun compte actif pour : inconnu@exemple.org.');
    expect(unknown.text).toContain('connu@exemple.org\ninconnu@exemple.org</textarea>');
    const past = await assign({ target: 'everyone', dueDate: '2026-11-22' });
    expect(past.status).toBe(400);
    expect(past.text).toContain('La date limite est déjà passée');
    const impossible = await assign({ target: 'everyone', dueDate: '2027-02-30' });
    expect(impossible.status).toBe(400);
    expect(impossible.text).toContain('Indiquez une date valide');
    const noStructure = await assign({ target: 'structure', structure: 'Nulle part' });
    expect(noStructure.status).toBe(400);
    const noCourse = await assign({ target: 'everyone', course: 'absent' });
    expect(noCourse.status).toBe(400);
    expect(await t.store.count('assignments')).toBe(0);
  });

  it('assigns to named people or to everyone', async () => {
    const named = await addUser(t, 'learner', { email: 'nommee@exemple.org', structure: 'Foyer Est' });
    const someone = await addUser(t, 'learner', { structure: 'Foyer Ouest' });
    await assign({ target: 'people', emails: ' Nommee@exemple.org ;' }).then((r) => expect(r.status).toBe(303));
    expect(todoOf((await (await signIn(t, named)).get('/me')).text)).toContain('sans date limite');
    expect(todoOf((await (await signIn(t, someone)).get('/me')).text)).toBe('');
    await assign({ target: 'everyone' }).then((r) => expect(r.status).toBe(303));
    expect(todoOf((await (await signIn(t, someone)).get('/me')).text)).toContain('Cours de démonstration');
  });
});

describe('withdrawing', () => {
  it('asks for confirmation, needs the form token, and takes the course out of « À faire »', async () => {
    const learner = await addUser(t, 'learner', { structure: 'Foyer Sud' });
    const res = await assign({ target: 'structure', structure: 'Foyer Sud' });
    const id = /\/hr\/assignments\/([\w-]+)/.exec(res.headers.location!)![1];
    const confirm = await hr.get(`/hr/assignments/${id}/withdraw`).expect(200);
    expect(confirm.text).toContain('ne sera plus dans « À faire »');
    await hr.post(`/hr/assignments/${id}/withdraw`).type('form').send({}).expect(403);
    const csrf = await formToken(hr, `/hr/assignments/${id}/withdraw`);
    const done = await hr.post(`/hr/assignments/${id}/withdraw`).type('form').send({ _csrf: csrf }).expect(303);
    expect(done.headers.location).toBe('/hr/assignments?done=withdrawn');
    expect(todoOf((await (await signIn(t, learner)).get('/me')).text)).toBe('');
    await hr.get(`/hr/assignments/${id}`).expect(404);
  });
});

describe('access', () => {
  it('is for HR and administrators', async () => {
    for (const role of ['learner', 'trainer'] as const) {
      const agent = await signIn(t, await addUser(t, role));
      await agent.get('/hr/assignments').expect(403);
      await agent.get('/hr/assignments/new').expect(403);
    }
    const admin = await signIn(t, await addUser(t, 'admin'));
    const page = await admin.get('/hr/assignments').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
  });
});
