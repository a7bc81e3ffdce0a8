import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, auditEntries, formToken, openAdminApp } from '../../accounts/http/admin-app.ts';
import { addUser, signIn, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let agent: Agent;

beforeEach(async () => {
  ({ t, agent } = await openAdminApp());
});
afterEach(() => t.close());

async function post(path: string, form: Record<string, string>, status: number, from = '/admin/structures') {
  const _csrf = await formToken(agent, from);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf, ...form })
    .expect(status);
}

describe('/admin/structures', () => {
  it('adds a structure under a parent, shows the tree, and keeps the form when the code is taken', async () => {
    await post('/admin/structures', { code: 'BZH', name: 'Fédération Bretagne', parent: '' }, 303);
    await post('/admin/structures', { code: 'rennes', name: 'Asso Rennes', parent: 'bzh' }, 303);
    const page = await agent.get('/admin/structures').expect(200);
    expect(page.text).toMatch(
      /Fédération Bretagne<\/a> <span class="meta">\(bzh\)<\/span>\s*<ul>\s*<li><a href="\/admin\/structures\/rennes">Asso Rennes/,
    );
    const taken = await post('/admin/structures', { code: 'rennes', name: 'Autre', parent: 'bzh' }, 400);
    expect(taken.text).toContain('Le code « rennes » est déjà celui d’une structure.');
    expect(taken.text).toContain('value="Autre"');
    const bad = await post('/admin/structures', { code: 'a b', name: '', parent: '' }, 400);
    expect(bad.text).toContain('Indiquez le nom de la structure.');
    expect(bad.text).toContain('Le code ne peut contenir que des lettres minuscules');
    expect((await auditEntries(t, 'structure.created')).map((e) => e.target)).toEqual(['bzh', 'rennes']);
  });

  it('renames and moves, refusing a move that would make a cycle with the reason', async () => {
    await post('/admin/structures', { code: 'bzh', name: 'Bretagne', parent: '' }, 303);
    await post('/admin/structures', { code: 'rennes', name: 'Rennes', parent: 'bzh' }, 303);
    await post('/admin/structures/bzh/name', { name: 'Fédération Bretagne' }, 303, '/admin/structures/bzh');
    expect((await t.store.get('structures', 'bzh'))?.name).toBe('Fédération Bretagne');
    const cycle = await post('/admin/structures/bzh/parent', { parent: 'rennes' }, 409, '/admin/structures/bzh');
    expect(cycle.text).toContain('Impossible de placer « bzh » sous « rennes »');
    // The page offers neither the structure itself nor what lies below it as a new parent.
    expect(cycle.text).not.toContain('<option value="rennes"');
    await post('/admin/structures/rennes/parent', { parent: 'nord' }, 303, '/admin/structures/rennes');
    expect((await t.store.get('structures', 'rennes'))?.parentId).toBe('nord');
    await post('/admin/structures/reseau/name', { name: 'Réseau national' }, 303, '/admin/structures/reseau');
    expect((await agent.get('/admin/structures')).text).toContain('Réseau national');
  });

  it('merges only after a confirmation page that says what will move', async () => {
    const person = await addUser(t, 'learner', { structure: 'foyer-sud' });
    const confirm = await agent.get('/admin/structures/foyer-sud/merge?into=sud').expect(200);
    expect(confirm.text).toContain('Fusionner « Foyer Sud » dans « Centre social Sud » ?');
    expect(confirm.text).toContain('1 compte(s), 0 sous-structure(s)');
    expect(await t.store.get('structures', 'foyer-sud')).toBeDefined();
    await post('/admin/structures/foyer-sud/merge', { into: 'sud' }, 303, '/admin/structures/foyer-sud');
    expect(await t.store.get('structures', 'foyer-sud')).toBeUndefined();
    expect((await t.store.get('users', person.id))?.structure).toBe('sud');
    await agent.get('/admin/structures/foyer-sud').expect(404);
    await agent.get('/admin/structures/reseau/merge?into=sud').expect(409);
  });

  it('imports the tree from CSV, or shows every line to fix and writes nothing', async () => {
    const _csrf = await formToken(agent, '/admin/structures/import');
    const wrong = 'code;nom;parent\nbzh;Bretagne;\nrennes;Rennes;bzhh';
    const refused = await agent.post('/admin/structures/import').type('form').send({ _csrf, csv: wrong }).expect(400);
    expect(refused.text).toContain('Aucune structure n’a le code « bzhh ». Codes proches : bzh.');
    expect(refused.text).toContain('rennes;Rennes;bzhh');
    expect(await t.store.get('structures', 'bzh')).toBeUndefined();
    const ok = 'code;nom;parent\nbzh;Bretagne;\nrennes;Rennes;bzh';
    const done = await agent.post('/admin/structures/import').type('form').send({ _csrf, csv: ok }).expect(303);
    expect((await agent.get(done.headers.location!)).text).toContain('2 structure(s) créée(s), 0 mise(s) à jour.');
  });

  it.each(['learner', 'trainer', 'hr'] as const)('refuses a %s with 403, pages and forms', async (role) => {
    const theirs = await signIn(t, await addUser(t, role));
    await theirs.get('/admin/structures').expect(403);
    await theirs.get('/admin/structures/nord').expect(403);
    const _csrf = await formToken(theirs, '/me');
    await theirs.post('/admin/structures').type('form').send({ _csrf, code: 'x', name: 'X', parent: '' }).expect(403);
    await theirs.post('/admin/structures/nord/merge').type('form').send({ _csrf, into: 'sud' }).expect(403);
    expect(await t.store.get('structures', 'x')).toBeUndefined();
    await request(t.app).get('/admin/structures').expect(303);
  });
});
