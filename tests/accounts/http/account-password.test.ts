import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp, testPassword } from '../../helpers/test-app.ts';

let t: TestApp;
let person: Readonly<User>;
beforeEach(async () => {
  t = await createTestApp();
  person = await addUser(t, 'learner', { name: 'Jean Moulin', email: 'jean@exemple.org' });
});
afterEach(() => t.close());

const newPassword = 'le bateau bleu du port';

async function changeForm(agent: Awaited<ReturnType<typeof signIn>>, fields: Record<string, string>) {
  const page = await agent.get('/account/password').expect(200);
  return agent
    .post('/account/password')
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...fields });
}

describe('changing my password', () => {
  it('is offered from the account menu to anyone signed in, and asks anonymous visitors to sign in', async () => {
    const agent = await signIn(t, person);
    expect((await agent.get('/me').expect(200)).text).toContain(
      '<a href="/account/password">Changer mon mot de passe</a>',
    );
    const page = await agent.get('/account/password').expect(200);
    expect(page.text).toContain('<h1>Changer mon mot de passe</h1>');
    expect(page.text).toContain('autocomplete="current-password"');
    const anonymous = await request(t.app).get('/account/password').expect(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Faccount%2Fpassword');
  });

  it('takes the current password and a new one twice, then ends my other sessions and keeps this one', async () => {
    const phone = await signIn(t, person);
    const computer = await signIn(t, person);
    const res = await changeForm(computer, { current: testPassword, password: newPassword, confirm: newPassword });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/account/password?done=1');
    expect((await computer.get(res.headers.location!).expect(200)).text).toContain('Votre mot de passe a été changé.');
    await phone.get('/me').expect(303);
    await computer.get('/me').expect(200);
    await expect(signIn(t, person)).rejects.toThrow(/401/);
    const audit = await t.store.findBy('audit', 'actorId', person.id);
    expect(audit.map((entry) => entry.action)).toEqual(['user.password_changed']);
  });

  it('refuses a wrong current password, a weak or mismatched new one, and changes nothing', async () => {
    const agent = await signIn(t, person);
    const wrong = await changeForm(agent, { current: 'pas le bon', password: newPassword, confirm: newPassword });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Le mot de passe actuel est incorrect.');
    const weak = await changeForm(agent, {
      current: testPassword,
      password: 'jean moulin 1940',
      confirm: 'jean moulin 1940',
    });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('Le mot de passe ne doit pas contenir votre nom ou votre adresse e-mail.');
    const mismatch = await changeForm(agent, { current: '', password: newPassword, confirm: 'autre chose' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('Indiquez votre mot de passe actuel.');
    expect(mismatch.text).toContain('Les deux mots de passe ne sont pas identiques.');
    expect(mismatch.text).not.toContain(newPassword);
    expect((await t.store.get('users', person.id))?.passwordHash).toBe(person.passwordHash);
  });

  it('makes whoever guesses the current password wait, as at sign-in', async () => {
    const agent = await signIn(t, person);
    for (let i = 0; i < 5; i++)
      await changeForm(agent, { current: `devine ${i}`, password: newPassword, confirm: newPassword });
    const refused = await changeForm(agent, { current: testPassword, password: newPassword, confirm: newPassword });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Patientez 15 secondes');
  });
});
