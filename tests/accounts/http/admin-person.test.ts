import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { addUser, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { type Agent, auditEntries, choosePassword, formToken, invited, openAdminApp, shownLink } from './admin-app.ts';

let t: TestApp;
let admin: Readonly<User>;
let agent: Agent;

beforeEach(async () => {
  ({ t, admin, agent } = await openAdminApp());
});
afterEach(() => t.close());

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
    expect(await auditEntries(t, 'user.role_changed')).toMatchObject([
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
    expect(await auditEntries(t)).toEqual([]);
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
    expect((await auditEntries(t)).map((e) => e.action)).toEqual(['user.deactivated', 'user.activated']);
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
    expect(await auditEntries(t, 'user.reset_link')).toMatchObject([{ actorId: admin.id, target: learner.id }]);
    const person = request.agent(t.app);
    const chosen = await choosePassword(person, shownLink(res.text, 'reset'), 'un tout nouveau mot de passe');
    expect(chosen.status).toBe(303);
    expect((await t.store.get('users', learner.id))?.passwordHash).not.toBe(learner.passwordHash);
  });

  it('issues a fresh invitation instead of a reset link to someone who never chose a password', async () => {
    const person = await invited(t, admin, 'Jean Moulin', 'jean@exemple.org');
    const _csrf = await formToken(agent, `/admin/users/${person.id}`);
    const res = await agent.post(`/admin/users/${person.id}/reset-link`).type('form').send({ _csrf }).expect(200);
    expect(res.text).toContain('Nouveau lien d’invitation créé');
    await request(t.app).get(shownLink(res.text, 'invitations')).expect(200);
  });
});
