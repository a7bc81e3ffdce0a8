import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { addUser, signIn, type TestApp } from '../../helpers/test-app.ts';
import { type Agent, formToken, openAdminApp } from './admin-app.ts';

let t: TestApp;
let admin: Readonly<User>;
let agent: Agent;

beforeEach(async () => {
  ({ t, admin, agent } = await openAdminApp());
});
afterEach(() => t.close());

describe('access to user administration', () => {
  it.each([
    '/admin/users',
    '/admin/users/new',
    '/admin/users/import',
    '/admin/users/abc',
    '/admin/users/abc/deactivate',
    '/admin/users/abc/erase',
    '/admin/audit',
    '/admin/audit.csv',
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
    // Erasing a person and reading the audit trail are for admins only.
    const victim = await addUser(t, 'learner');
    await theirs.get(`/admin/users/${victim.id}/erase`).expect(403);
    await theirs
      .post(`/admin/users/${victim.id}/erase`)
      .type('form')
      .send({ _csrf, reason: 'Intrusion', confirm: 'yes' })
      .expect(403);
    expect((await t.store.get('users', victim.id))?.name).toBe(victim.name);
    expect(await t.store.get('erasures', victim.id)).toBeUndefined();
    await theirs.get('/admin/audit').expect(403);
    await theirs.get('/admin/audit.csv').expect(403);
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
    await agent.get('/admin/users/nobody/erase').expect(404);
  });
});
