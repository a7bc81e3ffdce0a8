import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('rejects a wrong password with a French message and keeps the email typed', async () => {
    const user = await addUser(t);
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfOf(page.text), email: user.email, password: 'mauvais mot de passe' })
      .expect(401);
    expect(res.text).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(res.text).toContain(`value="${user.email}"`);
    expect(res.text).not.toContain('mauvais mot de passe');
  });

  it('makes a client that failed 5 times wait, even with the right password', async () => {
    const user = await addUser(t);
    const agent = request.agent(t.app);
    const token = csrfOf((await agent.get('/login')).text);
    for (let i = 0; i < 5; i++)
      await agent
        .post('/login')
        .type('form')
        .send({ _csrf: token, email: user.email, password: `faux ${i}` })
        .expect(401);
    const locked = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: user.email, password: 'une phrase de passe solide' })
      .expect(429);
    expect(locked.text).toContain('Trop d’essais pour ce compte');
  });

  it('gives a new session id at sign-in and ends it at sign-out', async () => {
    const user = await addUser(t);
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfOf(page.text), email: user.email, password: 'une phrase de passe solide' })
      .expect(303);
    const cookie = res.headers['set-cookie']!.toString();
    expect(cookie).toMatch(/pas_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toContain('Secure');
    const me = await agent.get('/me').expect(200);
    await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfOf(me.text) })
      .expect(303);
    await agent.get('/me').expect(303);
    expect(await t.store.findBy('sessions', 'userId', user.id)).toHaveLength(0);
  });

  it('expires a session after the idle time', async () => {
    const user = await addUser(t);
    const agent = await signIn(t, user);
    await agent.get('/me').expect(200);
    t.advance(121 * 60_000);
    await agent.get('/me').expect(303);
  });

  it('redirects only to local paths after sign-in', async () => {
    const user = await addUser(t);
    const agent = request.agent(t.app);
    const page = await agent.get('/login?next=//evil.example');
    const res = await agent
      .post('/login')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        email: user.email,
        password: 'une phrase de passe solide',
        next: '//evil.example',
      });
    expect(res.headers.location).toBe('/me');
  });
});

describe('session lifetime', () => {
  it('ends a session 12 hours after sign-in, even for someone active all along', async () => {
    const user = await addUser(t);
    const agent = await signIn(t, user);
    for (let hour = 0; hour < 11; hour++) {
      t.advance(60 * 60_000);
      await agent.get('/me').expect(200);
    }
    t.advance(59 * 60_000);
    await agent.get('/me').expect(200);
    t.advance(60_000);
    const ended = await agent.get('/me').expect(303);
    expect(ended.headers.location).toMatch(/^\/login/);
  });
});

describe('idle expiry', () => {
  it('counts the idle time from the last request, to the minute, even when it is short', async () => {
    const brief = await createTestApp({ config: { sessionIdleMinutes: 5 } });
    try {
      const agent = await signIn(brief, await addUser(brief));
      brief.advance(4 * 60_000);
      await agent.get('/me').expect(200);
      brief.advance(4.5 * 60_000);
      await agent.get('/me').expect(200);
      brief.advance(4 * 60_000 + 59_000);
      await agent.get('/me').expect(200);
      brief.advance(6 * 60_000);
      await agent.get('/me').expect(303);
    } finally {
      await brief.close();
    }
  });
});

describe('expired sessions', () => {
  it('are removed from the store even when nobody comes back with their cookie', async () => {
    const app = await createTestApp();
    try {
      const user = await addUser(app);
      for (let i = 0; i < 5; i++) await signIn(app, user);
      expect(await app.store.findBy('sessions', 'userId', user.id)).toHaveLength(5);
      app.advance(3 * 60 * 60_000);
      await request(app.app).get('/').expect(200);
      expect(await app.store.count('sessions')).toBe(0);
    } finally {
      await app.close();
    }
  });
});
