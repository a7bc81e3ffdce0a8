import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every route that needs an account, with the roles allowed on it. */
const protectedRoutes: { method: 'get' | 'post'; path: string }[] = [
  { method: 'get', path: '/me' },
  { method: 'get', path: '/courses/demo/resume' },
  { method: 'post', path: '/courses/demo/premier/quiz' },
  { method: 'get', path: '/courses/demo/premier/attempts/00000000-0000-0000-0000-000000000000' },
];

describe('access control', () => {
  it.each(protectedRoutes)(
    'sends an anonymous visitor of $method $path to the sign-in page',
    async ({ method, path }) => {
      const agent = request.agent(t.app);
      const page = await agent.get('/login');
      const res = await agent[method](path)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/login\?next=/);
    },
  );

  it('refuses a form posted without its CSRF token, or with another session’s token', async () => {
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    await agent.post('/courses/demo/premier/quiz').type('form').send({ q1: 'c1' }).expect(403);
    const stranger = request.agent(t.app);
    const foreign = csrfOf((await stranger.get('/login')).text);
    const res = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: foreign, q1: 'c1' })
      .expect(403);
    expect(res.text).toContain('Le formulaire a expiré');
    expect(await t.store.findBy('attempts', 'userId', learner.id)).toHaveLength(0);
  });

  it('refuses the sign-in form without its CSRF token', async () => {
    await request(t.app).post('/login').type('form').send({ email: 'x@exemple.org', password: 'y' }).expect(403);
  });

  it('never shows a learner another learner’s attempt: 404 by id', async () => {
    const alice = await addUser(t);
    const bob = await addUser(t);
    const aliceAgent = await signIn(t, alice);
    const page = await aliceAgent.get('/courses/demo/premier');
    const submitted = await aliceAgent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' })
      .expect(303);
    const bobAgent = await signIn(t, bob);
    await bobAgent.get(submitted.headers.location!).expect(404);
    const mine = await aliceAgent.get(submitted.headers.location!).expect(200);
    expect(mine.text).toContain('Votre score : 100 %');
    expect((await bobAgent.get('/me')).text).not.toContain('Premier module');
  });

  it('requires sign-in for reading when REQUIRE_LOGIN is set', async () => {
    const closed = await createTestApp({ config: { requireLogin: true } });
    await request(closed.app).get('/courses').expect(303).expect('location', '/login?next=%2Fcourses');
    await request(closed.app).get('/courses/demo/premier').expect(303);
    await request(closed.app).get('/login').expect(200);
    await request(closed.app).get('/healthz').expect(200);
    await closed.close();
  });
});

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

  it('locks an account after repeated failures, even with the right password', async () => {
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

describe('first run', () => {
  it('creates the first admin through the one-time setup link, then closes it', async () => {
    const fresh = await createTestApp();
    const { setupLinkIfNeeded } = await import('../../server/accounts/ensure-installation.ts');
    const link = await setupLinkIfNeeded(fresh.store, { baseUrl: 'http://localhost:3000' } as never, fresh.now());
    const path = link!.replace('http://localhost:3000', '');
    await request(fresh.app).get('/setup?token=faux-jeton-de-configuration').expect(404);
    const agent = request.agent(fresh.app);
    const form = await agent.get(path).expect(200);
    const rejected = await agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        name: 'Awa Diallo',
        email: 'pas-un-email',
        structure: 'Siège',
        password: 'x',
        confirm: 'y',
      })
      .expect(400);
    expect(rejected.text).toContain('value="Awa Diallo"');
    expect(rejected.text).toContain('Adresse e-mail invalide.');
    await agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfOf(rejected.text),
        name: 'Awa Diallo',
        email: 'awa@exemple.org',
        structure: 'Siège',
        password: 'le bateau bleu du port',
        confirm: 'le bateau bleu du port',
      })
      .expect(303);
    const admins = await fresh.store.findBy('users', 'role', 'admin');
    expect(admins.map((a) => a.email)).toEqual(['awa@exemple.org']);
    await request(fresh.app).get(path).expect(404);
    expect(await setupLinkIfNeeded(fresh.store, { baseUrl: 'x' } as never, fresh.now())).toBeUndefined();
    await fresh.close();
  });
});
