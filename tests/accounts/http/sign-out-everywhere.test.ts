import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('signing out everywhere', () => {
  it('is offered from the account menu, and asks anonymous visitors to sign in', async () => {
    const agent = await signIn(t, await addUser(t));
    expect((await agent.get('/me').expect(200)).text).toContain(
      '<a href="/account/sign-out-everywhere">Se déconnecter partout</a>',
    );
    expect((await agent.get('/account/sign-out-everywhere').expect(200)).text).toContain(
      '<button type="submit">Fermer toutes mes sessions</button>',
    );
    await request(t.app).get('/account/sign-out-everywhere').expect(303);
  });

  it('ends every session of the person, this one included, and no one else’s', async () => {
    const person = await addUser(t);
    const other = await signIn(t, await addUser(t));
    const phone = await signIn(t, person);
    const computer = await signIn(t, person);
    const page = await computer.get('/account/sign-out-everywhere').expect(200);
    const res = await computer
      .post('/account/sign-out-everywhere')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    expect(res.headers.location).toBe('/login');
    expect(await t.store.findBy('sessions', 'userId', person.id)).toEqual([]);
    await phone.get('/me').expect(303);
    await computer.get('/me').expect(303);
    await other.get('/me').expect(200);
  });
});
