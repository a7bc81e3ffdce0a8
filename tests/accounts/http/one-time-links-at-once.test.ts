// A one-time link sent twice at the same moment (a double click, two tabs, a replayed request) must act
// once: each request checks the link again inside the transaction that uses it.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupLinkIfNeeded } from '../../../server/accounts/ensure-installation.ts';
import { issueToken } from '../../../server/accounts/one-time-tokens.ts';
import { createUser } from '../../../server/accounts/users.ts';
import { createTestApp, csrfOf, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** A separate browser with the form of `path` open: its cookies and its CSRF token. */
async function openForm(path: string) {
  const agent = request.agent(t.app);
  const _csrf = csrfOf((await agent.get(path).expect(200)).text);
  return { agent, _csrf };
}

describe('a one-time link sent twice at once', () => {
  it('makes exactly one administrator from one setup link', async () => {
    const link = await setupLinkIfNeeded(t.store, { baseUrl: '' } as never, t.now());
    const forms = await Promise.all([openForm(link!), openForm(link!)]);
    const answers = await Promise.all(
      forms.map(({ agent, _csrf }, i) =>
        agent
          .post(link!)
          .type('form')
          .send({
            _csrf,
            name: `Admin ${i}`,
            email: `admin${i}@exemple.org`,
            structure: 'Siège',
            password: 'le bateau bleu du port',
            confirm: 'le bateau bleu du port',
          }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([303, 404]);
    expect(await t.store.findBy('users', 'role', 'admin')).toHaveLength(1);
  });

  it('sets one password from one invitation link', async () => {
    const input = {
      name: 'Jean Moulin',
      email: 'jean@exemple.org',
      structure: 'Nord',
      matricule: null,
      role: 'learner',
    } as const;
    const user = await createUser(t.store, input, t.now());
    const token = await issueToken(t.store, { kind: 'invitation', userId: user.id, createdBy: null }, t.now());
    const path = `/invitations/${token}`;
    const forms = await Promise.all([openForm(path), openForm(path)]);
    const answers = await Promise.all(
      forms.map(({ agent, _csrf }, i) => {
        const password = `une phrase de passe numéro ${i}`;
        return agent.post(path).type('form').send({ _csrf, password, confirm: password });
      }),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([303, 404]);
    expect(await t.store.findBy('sessions', 'userId', user.id)).toHaveLength(1);
  });
});
