import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/accounts/one-time-tokens.ts';
import type { User } from '../../server/accounts/schema.ts';
import { createUser } from '../../server/accounts/users.ts';
import type { AuditEntry } from '../../server/audit/schema.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp, testPassword } from '../helpers/test-app.ts';

type Agent = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let admin: Readonly<User>;
let agent: Agent;

beforeEach(async () => {
  t = await createTestApp();
  admin = await addUser(t, 'admin', { name: 'Alice Admin', email: 'alice@exemple.org' });
  agent = await signIn(t, admin);
});
afterEach(() => t.close());

const tokenOf = (url: string) => csrfOf(url);
async function formToken(a: Agent, url: string) {
  return tokenOf((await a.get(url).expect(200)).text);
}
/** The one-time link shown in the read-only field, as a path on the test app. */
function shownLink(html: string, kind: 'invitations' | 'reset'): string {
  const match = new RegExp(`value="http://localhost:3000(/${kind}/[\\w-]+)"`).exec(html);
  if (!match) throw new Error(`no ${kind} link in page`);
  return match[1]!;
}
async function auditEntries(action?: string): Promise<Readonly<AuditEntry>[]> {
  const entries: Readonly<AuditEntry>[] = [];
  for await (const entry of t.store.all('audit')) if (!action || entry.action === action) entries.push(entry);
  return entries;
}
async function choosePassword(a: ReturnType<typeof request.agent>, path: string, password = testPassword) {
  const page = await a.get(path).expect(200);
  return a
    .post(path)
    .type('form')
    .send({ _csrf: csrfOf(page.text), password, confirm: password });
}
/** An account created by invitation, not yet accepted. */
async function invited(name: string, email: string, structure = 'Centre social Nord') {
  const user = await createUser(t.store, { name, email, structure, matricule: null, role: 'learner' }, t.now());
  await issueToken(t.store, { kind: 'invitation', userId: user.id, createdBy: admin.id }, t.now());
  return user;
}
/** The rows of the list, without the header (where the signed-in admin's name appears). */
const tableOf = (html: string) => /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';

describe('access to user administration', () => {
  it.each([
    '/admin/users',
    '/admin/users/new',
    '/admin/users/import',
    '/admin/users/abc',
    '/admin/users/abc/deactivate',
  ])('sends anonymous visitors of %s to the sign-in page', async (url) => {
    const res = await request(t.app).get(url).expect(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
  });

  it.each(['learner', 'trainer', 'hr'] as const)('refuses a %s with 403, for pages and for forms', async (role) => {
    const someone = await addUser(t, role);
    const theirs = await signIn(t, someone);
    expect((await theirs.get('/admin/users').expect(403)).text).toContain('Accès refusé');
    await theirs.get(`/admin/users/${admin.id}`).expect(403);
    const _csrf = await formToken(theirs, '/me');
    await theirs
      .post('/admin/users')
      .type('form')
      .send({ _csrf, name: 'Intrus', email: 'intrus@exemple.org', structure: 'Nord', role: 'admin' })
      .expect(403);
    await theirs.post(`/admin/users/${someone.id}/role`).type('form').send({ _csrf, role: 'admin' }).expect(403);
    expect(await t.store.findBy('users', 'email', 'intrus@exemple.org')).toEqual([]);
    expect((await t.store.get('users', someone.id))?.role).toBe(role);
  });

  it('refuses a form sent without its _csrf field', async () => {
    await agent
      .post('/admin/users')
      .type('form')
      .send({ name: 'Jean Moulin', email: 'jean@exemple.org', structure: 'Nord', role: 'learner' })
      .expect(403);
    expect(await t.store.findBy('users', 'email', 'jean@exemple.org')).toEqual([]);
  });

  it('answers 404 for an unknown account', async () => {
    await agent.get('/admin/users/nobody').expect(404);
  });
});

describe('the list of users', () => {
  it('shows name, email, structure, role, status and access, with links to invite and import', async () => {
    await invited('Jean Moulin', 'jean@exemple.org', 'Foyer Sud');
    const res = await agent.get('/admin/users').expect(200);
    expect(res.text.match(/<h1>/g)).toHaveLength(1);
    expect(res.text).toContain('<th scope="col">Structure</th>');
    expect(res.text).toMatch(/<caption[^>]*>2 comptes/);
    expect(res.text).toMatch(
      /Jean Moulin<\/a><\/td><td>jean@exemple.org<\/td><td>Foyer Sud<\/td><td>Apprenant·e<\/td><td>Actif<\/td><td>Invitation en attente<\/td>/,
    );
    expect(res.text).toContain('<td>Mot de passe défini</td>');
    expect(res.text).toContain('href="/admin/users/new"');
    expect(res.text).toContain('href="/admin/users/import"');
    t.advance(8 * 86_400_000);
    const later = await (await signIn(t, admin)).get('/admin/users').expect(200);
    expect(tableOf(later.text)).toContain('<td>Invitation expirée ou absente</td>');
  });

  it('searches name, email and structure whatever the accents and case, and filters by role and structure', async () => {
    await invited('Zoé Lefèvre', 'zoe@exemple.org', 'Foyer Sud');
    await invited('Jean Moulin', 'jean@exemple.org', 'Foyer Sud');
    const byName = await agent.get('/admin/users').query({ q: 'lefevre' }).expect(200);
    expect(tableOf(byName.text)).toContain('Zoé Lefèvre');
    expect(tableOf(byName.text)).not.toContain('Jean Moulin');
    const byStructure = await agent.get('/admin/users').query({ structure: 'Foyer Sud' }).expect(200);
    expect(tableOf(byStructure.text)).toContain('Jean Moulin');
    expect(tableOf(byStructure.text)).not.toContain('Alice Admin');
    const byRole = await agent.get('/admin/users').query({ role: 'admin' }).expect(200);
    expect(tableOf(byRole.text)).toContain('Alice Admin');
    expect(tableOf(byRole.text)).not.toContain('Zoé Lefèvre');
    const byEmail = await agent.get('/admin/users').query({ q: 'JEAN@' }).expect(200);
    expect(tableOf(byEmail.text)).toContain('Jean Moulin');
  });

  it('shows an empty state when nothing matches', async () => {
    const res = await agent.get('/admin/users').query({ q: 'personne-de-ce-nom' }).expect(200);
    expect(res.text).toContain('Aucun compte ne correspond à ces critères.');
    expect(res.text).not.toContain('<table');
  });

  it('shows 50 people per page with links between pages that keep the filters', async () => {
    for (let i = 0; i < 60; i++) await invited(`Salarié ${String(i).padStart(2, '0')}`, `s${i}@exemple.org`, 'Atelier');
    const first = await agent.get('/admin/users').query({ structure: 'Atelier' }).expect(200);
    expect(first.text.match(/<tr><td>/g)).toHaveLength(50);
    expect(first.text).toContain('href="/admin/users?structure=Atelier&amp;page=2" rel="next"');
    const second = await agent.get('/admin/users').query({ structure: 'Atelier', page: '2' }).expect(200);
    expect(second.text.match(/<tr><td>/g)).toHaveLength(10);
    expect(second.text).toContain('Salarié 59');
  });
});

describe('inviting a person', () => {
  it('creates the account and shows a 7-day link that lets the person choose a password and sign in', async () => {
    const form = await agent.get('/admin/users/new').expect(200);
    expect(form.text).toContain('<label for="role">Rôle</label>');
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        name: 'Jean Moulin',
        email: ' Jean.Moulin@Exemple.org ',
        structure: 'Foyer Sud',
        matricule: 'B42',
        role: 'trainer',
      })
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Valable jusqu’au 30 novembre 2026 à 10:00');
    expect(res.text).toMatch(/<input type="text" id="link" name="link" value="[^"]+" readonly/);
    const [user] = await t.store.findBy('users', 'email', 'jean.moulin@exemple.org');
    expect(user).toMatchObject({ name: 'Jean Moulin', structure: 'Foyer Sud', matricule: 'B42', role: 'trainer' });
    expect(user?.passwordHash).toBeNull();
    expect(await auditEntries('user.invited')).toMatchObject([{ actorId: admin.id, target: user?.id }]);

    const person = request.agent(t.app);
    const chosen = await choosePassword(person, shownLink(res.text, 'invitations'));
    expect(chosen.status).toBe(303);
    expect(chosen.headers.location).toBe('/me');
    await person.get('/me').expect(200);
  });

  it('re-renders the form with the values typed and French errors', async () => {
    const _csrf = await formToken(agent, '/admin/users/new');
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf, name: '', email: 'pas-une-adresse', structure: 'Foyer Sud', role: 'hr' })
      .expect(400);
    expect(res.text).toContain('Adresse e-mail invalide.');
    expect(res.text).toContain('Indiquez le nom tel qu’il apparaîtra sur les attestations.');
    expect(res.text).toContain('value="pas-une-adresse"');
    expect(res.text).toContain('value="Foyer Sud"');
    expect(res.text).toContain('<option value="hr" selected>');
  });

  it('refuses an email already used by another account', async () => {
    const _csrf = await formToken(agent, '/admin/users/new');
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf, name: 'Autre Alice', email: 'ALICE@exemple.org', structure: 'Nord', role: 'learner' })
      .expect(400);
    expect(res.text).toContain('Un compte existe déjà avec cette adresse e-mail.');
    expect(res.text).toContain('value="Autre Alice"');
    expect(await t.store.count('users')).toBe(1);
  });
});

describe('importing a list', () => {
  const valid =
    'nom;email;structure;matricule\nMarie Curie;marie@exemple.org;Nord;A1\n"Moulin, Jean";jean@exemple.org;Sud;';

  it('creates every person with an invitation link that works', async () => {
    const _csrf = await formToken(agent, '/admin/users/import');
    const res = await agent.post('/admin/users/import').type('form').send({ _csrf, csv: valid }).expect(200);
    expect(res.text).toContain('2 comptes ont été créés');
    const links = [...res.text.matchAll(/<code>http:\/\/localhost:3000(\/invitations\/[\w-]+)<\/code>/g)].map(
      (m) => m[1]!,
    );
    expect(links).toHaveLength(2);
    expect(res.text).toContain('Moulin, Jean;jean@exemple.org;http://localhost:3000/invitations/');
    expect((await t.store.findBy('users', 'email', 'jean@exemple.org'))[0]).toMatchObject({
      name: 'Moulin, Jean',
      structure: 'Sud',
      passwordHash: null,
    });
    expect(await auditEntries('users.imported')).toMatchObject([{ actorId: admin.id, details: { count: 2 } }]);
    await request(t.app).get(links[1]!).expect(200);
  });

  it('creates nobody when one line is wrong, and keeps the pasted text', async () => {
    const csv = `${valid}\nZoé;zoe-sans-arobase;Nord;`;
    const _csrf = await formToken(agent, '/admin/users/import');
    const res = await agent.post('/admin/users/import').type('form').send({ _csrf, csv }).expect(400);
    expect(res.text).toContain('aucun compte n’a été créé');
    expect(res.text).toContain('ligne 4</a> : adresse e-mail invalide');
    expect(res.text).toContain('Marie Curie;marie@exemple.org;Nord;A1');
    expect(res.text).toContain('Zoé;zoe-sans-arobase;Nord;</textarea>');
    expect(await t.store.count('users')).toBe(1);
    expect(await t.store.count('tokens')).toBe(0);
  });

  it('creates nobody when an email already has an account', async () => {
    const csv = `${valid}\nAlice bis;alice@exemple.org;Nord;`;
    const _csrf = await formToken(agent, '/admin/users/import');
    const res = await agent.post('/admin/users/import').type('form').send({ _csrf, csv }).expect(400);
    expect(res.text).toContain('ligne 4</a> : un compte existe déjà avec l’adresse alice@exemple.org');
    expect(await t.store.count('users')).toBe(1);
  });
});

describe("managing a person's account", () => {
  it('changes a role and records who did it', async () => {
    const learner = await addUser(t, 'learner');
    const _csrf = await formToken(agent, `/admin/users/${learner.id}`);
    const res = await agent
      .post(`/admin/users/${learner.id}/role`)
      .type('form')
      .send({ _csrf, role: 'hr' })
      .expect(303);
    expect(res.headers.location).toBe(`/admin/users/${learner.id}?done=role`);
    expect((await t.store.get('users', learner.id))?.role).toBe('hr');
    expect(await auditEntries('user.role_changed')).toMatchObject([
      { actorId: admin.id, target: learner.id, details: { from: 'learner', to: 'hr' } },
    ]);
    expect((await agent.get(res.headers.location!).expect(200)).text).toContain('Le rôle a été modifié.');
  });

  it('keeps the admin role of the last active administrator', async () => {
    const _csrf = await formToken(agent, `/admin/users/${admin.id}`);
    const res = await agent
      .post(`/admin/users/${admin.id}/role`)
      .type('form')
      .send({ _csrf, role: 'learner' })
      .expect(400);
    expect(res.text).toContain('Alice Admin est le dernier administrateur actif');
    expect((await t.store.get('users', admin.id))?.role).toBe('admin');
    expect(await auditEntries()).toEqual([]);
  });

  it('deactivates an account, which signs the person out everywhere, then reactivates it', async () => {
    const learner = await addUser(t, 'learner', { name: 'Jean Moulin' });
    const theirs = await signIn(t, learner);
    await theirs.get('/me').expect(200);

    const confirm = await agent.get(`/admin/users/${learner.id}/deactivate`).expect(200);
    expect(confirm.text).toContain('<h1>Désactiver le compte de Jean Moulin ?</h1>');
    await agent
      .post(`/admin/users/${learner.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text) })
      .expect(303);
    expect((await t.store.get('users', learner.id))?.active).toBe(false);
    expect(await t.store.findBy('sessions', 'userId', learner.id)).toEqual([]);
    const after = await theirs.get('/me').expect(303);
    expect(after.headers.location).toMatch(/^\/login/);
    await expect(signIn(t, learner)).rejects.toThrow(/401/);

    const _csrf = await formToken(agent, `/admin/users/${learner.id}`);
    await agent.post(`/admin/users/${learner.id}/activate`).type('form').send({ _csrf }).expect(303);
    expect((await t.store.get('users', learner.id))?.active).toBe(true);
    await signIn(t, learner);
    expect((await auditEntries()).map((e) => e.action)).toEqual(['user.deactivated', 'user.activated']);
  });

  it('does not let an admin deactivate their own account', async () => {
    const page = await agent.get(`/admin/users/${admin.id}/deactivate`).expect(400);
    expect(page.text).toContain('Vous ne pouvez pas désactiver votre propre compte.');
    const res = await agent
      .post(`/admin/users/${admin.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(400);
    expect(res.text).toContain('Vous ne pouvez pas désactiver votre propre compte.');
    expect((await t.store.get('users', admin.id))?.active).toBe(true);
  });

  it('issues a 2-day password-reset link that lets the person choose a new password', async () => {
    const learner = await addUser(t, 'learner');
    const _csrf = await formToken(agent, `/admin/users/${learner.id}`);
    const res = await agent.post(`/admin/users/${learner.id}/reset-link`).type('form').send({ _csrf }).expect(200);
    expect(res.text).toContain('Valable jusqu’au 25 novembre 2026 à 10:00');
    expect(await auditEntries('user.reset_link')).toMatchObject([{ actorId: admin.id, target: learner.id }]);
    const person = request.agent(t.app);
    const chosen = await choosePassword(person, shownLink(res.text, 'reset'), 'un tout nouveau mot de passe');
    expect(chosen.status).toBe(303);
    expect((await t.store.get('users', learner.id))?.passwordHash).not.toBe(learner.passwordHash);
  });

  it('issues a fresh invitation instead of a reset link to someone who never chose a password', async () => {
    const person = await invited('Jean Moulin', 'jean@exemple.org');
    const _csrf = await formToken(agent, `/admin/users/${person.id}`);
    const res = await agent.post(`/admin/users/${person.id}/reset-link`).type('form').send({ _csrf }).expect(200);
    expect(res.text).toContain('Nouveau lien d’invitation créé');
    await request(t.app).get(shownLink(res.text, 'invitations')).expect(200);
  });
});
