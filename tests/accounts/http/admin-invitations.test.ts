import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { csrfOf, type TestApp } from '../../helpers/test-app.ts';
import { type Agent, auditEntries, choosePassword, formToken, openAdminApp, shownLink } from './admin-app.ts';

let t: TestApp;
let admin: Readonly<User>;
let agent: Agent;

beforeEach(async () => {
  ({ t, admin, agent } = await openAdminApp());
});
afterEach(() => t.close());

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
        structure: 'foyer-sud',
        matricule: 'B42',
        role: 'trainer',
      })
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Valable jusqu’au 30 novembre 2026 à 10:00');
    expect(res.text).toMatch(/<input type="text" id="link" name="link" value="[^"]+" readonly/);
    const [user] = await t.store.findBy('users', 'email', 'jean.moulin@exemple.org');
    expect(user).toMatchObject({ name: 'Jean Moulin', structure: 'foyer-sud', matricule: 'B42', role: 'trainer' });
    expect(user?.passwordHash).toBeNull();
    expect(await auditEntries(t, 'user.invited')).toMatchObject([{ actorId: admin.id, target: user?.id }]);

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
      .send({ _csrf, name: '', email: 'pas-une-adresse', structure: 'foyer-sud', role: 'hr' })
      .expect(400);
    expect(res.text).toContain('Adresse e-mail invalide.');
    expect(res.text).toContain('Indiquez le nom tel qu’il apparaîtra sur les attestations.');
    expect(res.text).toContain('value="pas-une-adresse"');
    expect(res.text).toContain('value="foyer-sud" selected');
    expect(res.text).toContain('<option value="hr" selected>');
  });

  it('refuses a structure code that names none, with the close codes, and keeps what was typed', async () => {
    const _csrf = await formToken(agent, '/admin/users/new');
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf, name: 'Jean Moulin', email: 'jean@exemple.org', structure: 'nordd', role: 'learner' })
      .expect(400);
    expect(res.text).toContain('Aucune structure n’a le code « nordd ». Codes proches : nord.');
    expect(res.text).toContain('value="Jean Moulin"');
    expect(await t.store.count('users')).toBe(1);
  });

  it('refuses an email already used by another account', async () => {
    const _csrf = await formToken(agent, '/admin/users/new');
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf, name: 'Autre Alice', email: 'ALICE@exemple.org', structure: 'nord', role: 'learner' })
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
      structure: 'sud',
      passwordHash: null,
    });
    expect(await auditEntries(t, 'users.imported')).toMatchObject([{ actorId: admin.id, details: { count: 2 } }]);
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
