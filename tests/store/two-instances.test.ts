// Two Passerelle instances on one PostgreSQL database, as behind a load balancer: a person may be sent
// to either at every request. Each instance has its own connection pool, as two processes would.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { inviteUser } from '../../server/accounts/use-cases/invite-user.ts';
import { addUser, csrfOf, type TestApp, testPassword } from '../helpers/test-app.ts';
import { skipWithoutDatabase } from '../helpers/test-database.ts';
import { twoInstances } from '../helpers/two-instances.ts';

const rightFirstQuiz = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' };
const rightFinalQuiz = { q1: 'deux', q2: 'c2' };

/** Signs in on one instance and returns the session cookie, which any instance accepts. */
async function signInOn(t: TestApp, email: string, password = testPassword): Promise<string[]> {
  const page = await request(t.app).get('/login');
  const anonymous = [page.headers['set-cookie'] ?? []].flat();
  const res = await request(t.app)
    .post('/login')
    .set('Cookie', anonymous.map((c) => c.split(';')[0]).join('; '))
    .type('form')
    .send({ _csrf: csrfOf(page.text), email, password, next: '/me' })
    .expect(303);
  return [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0] as string);
}

describe.skipIf(skipWithoutDatabase)('two instances on one PostgreSQL database', () => {
  const instances = twoInstances();

  it('keeps a learner signed in from one instance to the other, with the same cookie and forms', async () => {
    const { a, b } = instances;
    const learner = await addUser(a, 'learner', { name: 'Awa Diallo' });
    const cookie = await signInOn(a, learner.email);
    const me = await request(b.app).get('/me').set('Cookie', cookie).expect(200);
    expect(me.text).toContain('Awa Diallo');
    // A form shown by B is accepted by A: the CSRF key is shared through the database.
    const module = await request(b.app).get('/courses/demo/premier').set('Cookie', cookie).expect(200);
    const passed = await request(a.app)
      .post('/courses/demo/premier/quiz')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(module.text), ...rightFirstQuiz })
      .expect(200);
    const result = await request(b.app)
      .get(passed.headers['content-location'] as string)
      .set('Cookie', cookie)
      .expect(200);
    expect(result.text).toContain('Votre score : 100 %');
  });

  it('issues exactly one certificate when the final assessment is sent to both instances at the same moment', async () => {
    const { a, b } = instances;
    const learner = await addUser(a, 'learner');
    const cookie = await signInOn(b, learner.email);
    const first = await request(a.app).get('/courses/demo/premier').set('Cookie', cookie).expect(200);
    await request(a.app)
      .post('/courses/demo/premier/quiz')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(first.text), ...rightFirstQuiz })
      .expect(200);
    const final = await request(b.app).get('/courses/demo/evaluation').set('Cookie', cookie).expect(200);
    const submit = (t: TestApp) =>
      request(t.app)
        .post('/courses/demo/evaluation/quiz')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrfOf(final.text), ...rightFinalQuiz });
    // Four at once for an assessment allowed three attempts: the limit holds across instances too.
    const answers = await Promise.all([submit(a), submit(b), submit(a), submit(b)]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 200, 200, 409]);
    expect(await a.store.findBy('certificates', 'userId', learner.id)).toHaveLength(1);
    const finalAttempts = (await b.store.findBy('attempts', 'userId', learner.id)).filter(
      (x) => x.module === 'evaluation',
    );
    expect(finalAttempts).toHaveLength(3);
  });

  it('accepts on one instance an invitation issued on the other', async () => {
    const { a, b } = instances;
    const { token } = await inviteUser(
      { name: 'Léa Martin', email: 'lea@exemple.org', structure: 'reseau', matricule: null, role: 'learner' },
      null,
      { store: a.store, clock: a.now },
    );
    const page = await request(b.app).get(`/invitations/${token}`).expect(200);
    const cookies = [page.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
    await request(b.app)
      .post(`/invitations/${token}`)
      .set('Cookie', cookies.join('; '))
      .type('form')
      .send({ _csrf: csrfOf(page.text), password: 'jardin partagé du mardi', confirm: 'jardin partagé du mardi' })
      .expect(303);
    await request(a.app).get(`/invitations/${token}`).expect(404);
    expect(await signInOn(a, 'lea@exemple.org', 'jardin partagé du mardi')).not.toHaveLength(0);
  });

  it('counts failed sign-ins on both instances together: the throttle is shared', async () => {
    const { a, b } = instances;
    const target = await addUser(a, 'learner');
    const attempt = async (t: TestApp) => {
      const page = await request(t.app).get('/login');
      const cookies = [page.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
      return request(t.app)
        .post('/login')
        .set('Cookie', cookies.join('; '))
        .type('form')
        .send({ _csrf: csrfOf(page.text), email: target.email, password: 'pas le bon mot de passe' });
    };
    // Five failures spread over A and B: the sixth attempt waits, on either instance.
    for (const t of [a, b, a, b, a]) expect((await attempt(t)).status).toBe(401);
    expect((await attempt(b)).status).toBe(429);
    expect((await attempt(a)).status).toBe(429);
  });
});
