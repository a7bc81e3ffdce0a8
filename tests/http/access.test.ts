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
  { method: 'get', path: '/me/engagements/demo' },
  { method: 'post', path: '/me/engagements/demo' },
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

  it('keeps sign-in, roles, the CSRF check and form parsing on every area of the grouped routes', async () => {
    for (const path of ['/admin/users', '/admin/structures', '/hr', '/studio', '/me']) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location, path).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const learner = await signIn(t, await addUser(t));
    for (const path of ['/admin/users', '/hr', '/studio']) await learner.get(path).expect(403);
    const admin = await signIn(t, await addUser(t, 'admin'));
    const form = await admin.get('/admin/users/new').expect(200);
    // No token: refused before the route. The token in the form's body (parsed): the route answers.
    await admin.post('/admin/users').type('form').send({ email: 'pas-une-adresse' }).expect(403);
    const sent = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'pas-une-adresse' });
    expect(sent.status).not.toBe(403);
    expect(sent.status).toBeLessThan(500);
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
      .expect(200);
    const bobAgent = await signIn(t, bob);
    await bobAgent.get(submitted.headers['content-location']!).expect(404);
    const mine = await aliceAgent.get(submitted.headers['content-location']!).expect(200);
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
