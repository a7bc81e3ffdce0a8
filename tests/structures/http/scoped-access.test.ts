// The access table extended to scopes: roles granted on « Fédération Bretagne » reach its structures only.
// Every route that takes an id or a filter answers 404 (or 403) for what belongs to « Fédération Occitanie ».
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { grantRole } from '../../../server/structures/use-cases/grant-role.ts';
import { addStructures, addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { certificateRow, enrollmentRow } from '../../hr/seed-completions.ts';

let t: TestApp;
let ana: Readonly<User>;
let tom: Readonly<User>;
let hrBzh: Agent;
let adminBzh: Agent;
type Agent = Awaited<ReturnType<typeof signIn>>;
const certificateOf: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await addStructures(t, [
    ['bzh', 'Fédération Bretagne'],
    ['rennes', 'Association de Rennes', 'bzh'],
    ['occ', 'Fédération Occitanie'],
    ['toulouse', 'Association de Toulouse', 'occ'],
  ]);
  ana = await addUser(t, 'learner', { name: 'Ana Rennaise', structure: 'rennes' });
  tom = await addUser(t, 'learner', { name: 'Tom Toulousain', structure: 'toulouse' });
  await t.store.transact((tx) => {
    for (const person of [ana, tom]) {
      tx.put('enrollments', { ...enrollmentRow(person.id, 'demo', '2026-11-20T10:00:00.000Z') });
      const certificate = tx.put('certificates', certificateRow(person.id, 'demo', '2026-11-20T10:00:00.000Z'));
      certificateOf[person.id] = certificate.id;
    }
  });
  const hr = await addUser(t, 'learner', { name: 'Hélène RH', structure: 'bzh' });
  const admin = await addUser(t, 'learner', { name: 'Alain Admin', structure: 'bzh' });
  await grantRole(t.store, { userId: hr.id, role: 'hr', structure: 'bzh' }, null, t.now());
  await grantRole(t.store, { userId: admin.id, role: 'admin', structure: 'bzh' }, null, t.now());
  [hrBzh, adminBzh] = [await signIn(t, hr), await signIn(t, admin)];
});
afterAll(() => t.close());

describe('HR granted on a federation', () => {
  it('sees and counts its federation’s people only, with totals rolled up and drilled down', async () => {
    const page = await hrBzh.get('/hr').expect(200);
    expect(page.text).toContain('Ana Rennaise');
    expect(page.text).not.toContain('Tom Toulousain');
    expect(page.text).not.toContain('Fédération Occitanie');
    expect(page.text).toMatch(/<a href="\/hr\?structure=bzh">Fédération Bretagne<\/a>/);
    const drilled = await hrBzh.get('/hr?structure=bzh').expect(200);
    expect(drilled.text).toMatch(/<a href="\/hr\?structure=rennes">Association de Rennes<\/a>/);
  });

  it.each([
    '/hr?structure=occ',
    '/hr?structure=toulouse',
    '/hr/exports/completions.csv?structure=occ',
    '/hr/exports/completions.xlsx?structure=toulouse',
    '/hr/exports/statements.json?course=demo&structure=occ',
    '/hr/exports/statements.jsonl?course=demo&structure=toulouse',
  ])('answers 404 to %s', async (url) => {
    await hrBzh.get(url).expect(404);
  });

  it('answers 404 for a person or a certificate of the other federation, 200 for its own', async () => {
    await hrBzh.get(`/hr/learners/${tom.id}`).expect(404);
    await hrBzh.get(`/hr/learners/${ana.id}`).expect(200);
    await hrBzh.get(`/certificates/${certificateOf[tom.id]}`).expect(404);
    await hrBzh.get(`/certificates/${certificateOf[tom.id]}/attestation.pdf`).expect(404);
    await hrBzh.get(`/certificates/${certificateOf[ana.id]}`).expect(200);
    const _csrf = csrfOf((await hrBzh.get('/me')).text);
    await hrBzh
      .post(`/certificates/${certificateOf[tom.id]}/revoke`)
      .type('form')
      .send({ _csrf, reason: 'erreur de saisie', confirm: 'yes' })
      .expect(404);
    expect((await t.store.get('certificates', certificateOf[tom.id]!))?.status).toBe('valid');
  });

  it('exports its scope only', async () => {
    const csv = await hrBzh.get('/hr/exports/completions.csv').expect(200);
    expect(csv.text).toContain('Ana Rennaise');
    expect(csv.text).not.toContain('Tom Toulousain');
  });

  it('sees, exports and withdraws the assignments of its scope only, and cannot assign beyond it', async () => {
    const at = t.now().toISOString();
    await t.store.transact((tx) => {
      for (const [id, structure] of [
        ['a-occ', 'toulouse'],
        ['a-bzh', 'rennes'],
      ] as const)
        tx.put('assignments', {
          id,
          course: 'demo',
          courseTitle: 'Démo',
          target: 'structure',
          structure,
          userIds: [],
          dueDate: null,
          status: 'active',
          createdAt: at,
          createdBy: 'someone',
          withdrawnAt: null,
          withdrawnBy: null,
        });
    });
    const list = await hrBzh.get('/hr/assignments').expect(200);
    expect(list.text).toContain('/hr/assignments/a-bzh');
    expect(list.text).not.toContain('/hr/assignments/a-occ');
    await hrBzh.get('/hr/assignments/a-occ').expect(404);
    await hrBzh.get('/hr/assignments/a-occ/export.csv').expect(404);
    // The dashboard's assignment filter offers its own only; another's id is an unknown filter.
    const dashboard = await hrBzh.get('/hr').expect(200);
    expect(dashboard.text).toContain('value="a-bzh"');
    expect(dashboard.text).not.toContain('value="a-occ"');
    const filtered = await hrBzh.get('/hr?assignment=a-occ').expect(400);
    expect(filtered.text).not.toContain('Tom Toulousain');
    const _csrf = csrfOf((await hrBzh.get('/hr/assignments/new')).text);
    await hrBzh.post('/hr/assignments/a-occ/withdraw').type('form').send({ _csrf }).expect(404);
    expect((await t.store.get('assignments', 'a-occ'))?.status).toBe('active');
    const everyone = await hrBzh
      .post('/hr/assignments')
      .type('form')
      .send({ _csrf, course: 'demo', target: 'everyone', structure: '', emails: '', dueDate: '' })
      .expect(400);
    expect(everyone.text).toContain('Vous suivez une partie du réseau seulement');
    await hrBzh
      .post('/hr/assignments')
      .type('form')
      .send({ _csrf, course: 'demo', target: 'people', structure: '', emails: tom.email, dueDate: '' })
      .expect(400);
  });

  it('exports the activity record of its own people only', async () => {
    for (const format of ['pdf', 'csv']) {
      await hrBzh.get(`/hr/learners/${tom.id}/activite.${format}`).expect(404);
      await hrBzh.get(`/hr/learners/${ana.id}/activite.${format}`).expect(200);
    }
  });

  it('reads the satisfaction of its structures only, on the page and in the export', async () => {
    // Three anonymous answers in each federation (the report shows a course from three answers).
    await t.store.transact((tx) => {
      for (const [structure, comment] of [
        ['rennes', 'Commentaire breton'],
        ['toulouse', 'Commentaire occitan'],
      ] as const)
        for (let i = 0; i < 3; i++)
          tx.put('satisfactionResponses', {
            id: `${structure}-${i}`,
            course: 'demo',
            courseVersion: 1,
            structure,
            month: '2026-11',
            usefulness: 4,
            clarity: 4,
            application: 4,
            comment: `${comment} ${i}`,
          });
    });
    const page = await hrBzh.get('/hr/satisfaction').expect(200);
    expect(page.text).toContain('Commentaire breton');
    expect(page.text).not.toContain('Commentaire occitan');
    const csv = await hrBzh.get('/hr/satisfaction/export.csv').expect(200);
    expect(csv.text).toContain('Commentaire breton');
    expect(csv.text).not.toContain('Commentaire occitan');
  });

  it('is refused user and network administration', async () => {
    for (const url of ['/admin/users', '/admin/structures', '/admin/emails']) await hrBzh.get(url).expect(403);
  });
});

describe('admin granted on a federation', () => {
  it('lists and manages its federation’s accounts only', async () => {
    const list = await adminBzh.get('/admin/users').expect(200);
    expect(list.text).toContain('Ana Rennaise');
    expect(list.text).not.toContain('Tom Toulousain');
    await adminBzh.get('/admin/users?structure=occ').expect(404);
    await adminBzh.get(`/admin/users/${tom.id}`).expect(404);
    await adminBzh.get(`/admin/users/${ana.id}`).expect(200);
    const _csrf = csrfOf((await adminBzh.get('/me')).text);
    await adminBzh.post(`/admin/users/${tom.id}/deactivate`).type('form').send({ _csrf }).expect(404);
    await adminBzh.post(`/admin/users/${tom.id}/reset-link`).type('form').send({ _csrf }).expect(404);
    expect((await t.store.get('users', tom.id))?.active).toBe(true);
  });

  it('never manages someone who administers the whole network by a grant on the root', async () => {
    const network = await addUser(t, 'learner', { name: 'Nadia Réseau', structure: 'rennes' });
    await grantRole(t.store, { userId: network.id, role: 'admin', structure: 'reseau' }, null, t.now());
    await adminBzh.get(`/admin/users/${network.id}`).expect(403);
    const _csrf = csrfOf((await adminBzh.get('/me')).text);
    await adminBzh.post(`/admin/users/${network.id}/deactivate`).type('form').send({ _csrf }).expect(403);
    expect((await t.store.get('users', network.id))?.active).toBe(true);
  });

  it('delegates within its scope and never beyond, nor gives a role on the whole network', async () => {
    const _csrf = csrfOf((await adminBzh.get('/me')).text);
    const grant = (structure: string) =>
      adminBzh.post(`/admin/users/${ana.id}/grants`).type('form').send({ _csrf, role: 'trainer', structure });
    await grant('occ').expect(403);
    await grant('reseau').expect(403);
    await grant('rennes').expect(303);
    expect((await t.store.findBy('grants', 'userId', ana.id)).map((g) => [g.role, g.structureId])).toEqual([
      ['trainer', 'rennes'],
    ]);
    await adminBzh.post(`/admin/users/${ana.id}/role`).type('form').send({ _csrf, role: 'admin' }).expect(403);
    const invite = await adminBzh
      .post('/admin/users')
      .type('form')
      .send({ _csrf, name: 'Intrus', email: 'intrus@exemple.org', structure: 'toulouse', role: 'learner' })
      .expect(400);
    expect(invite.text).toContain('Cette structure n’est pas dans votre périmètre.');
    expect(await t.store.findBy('users', 'email', 'intrus@exemple.org')).toEqual([]);
  });

  it('is refused the tree, the outbox, erasure and the audit trail, which belong to the whole network', async () => {
    await adminBzh.get('/admin/structures').expect(403);
    await adminBzh.get('/admin/emails').expect(403);
    await adminBzh.get('/admin/audit').expect(403);
    await adminBzh.get('/admin/audit.csv').expect(403);
    for (const person of [ana, tom]) await adminBzh.get(`/admin/users/${person.id}/erase`).expect(403);
    const _csrf = csrfOf((await adminBzh.get('/me')).text);
    await adminBzh
      .post(`/admin/users/${ana.id}/erase`)
      .type('form')
      .send({ _csrf, reason: 'test', confirm: 'on' })
      .expect(403);
    expect((await t.store.get('users', ana.id))?.name).toBe('Ana Rennaise');
    await request(t.app).get('/admin/structures').expect(303);
  });
});
