import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCourse } from '../../catalog/course-builder.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { passDemoQuizzes as complete } from './complete-course.ts';
import { buildFunderCourse, minute } from './funder-course.ts';

describe('temps_minimum and the funder information', () => {
  let t: TestApp;
  let built: BuiltCourse;

  beforeAll(async () => {
    built = await buildFunderCourse();
    t = await createTestApp({ coursesDir: built.root, config: { baseUrl: 'https://formation.exemple.org' } });
  });
  afterAll(async () => {
    await t.close();
    await built.remove();
  });

  it('shows the funder information on the course page, to visitors too', async () => {
    const page = await request(t.app).get('/courses/demo').expect(200);
    for (const text of [
      'Informations pratiques',
      'Savoir lire un courriel',
      'À distance, en autonomie, avec une référente joignable',
      'Écrire à handicap@exemple.org pour une adaptation',
      'Assistance à formation@exemple.org, réponse sous 48 h',
      '30 novembre 2026',
      'CC BY-SA 4.0',
      'Temps minimum avant l’attestation',
    ])
      expect(page.text).toContain(text);
  });

  it('holds the certificate back and says how long remains, then issues it on « Obtenir mon attestation »', async () => {
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    await complete(t, agent);
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toEqual([]);
    const enrollment = (await t.store.findBy('enrollments', 'userId', learner.id))[0];
    expect(enrollment?.completedAt).not.toBeNull();

    let page = await agent.get('/courses/demo').expect(200);
    expect(page.text).toContain('Encore 14 min de lecture avant l’attestation.');
    // « Mon parcours » says it too, with a link to the course page's notice.
    expect((await agent.get('/me')).text).toContain(
      '<a href="/courses/demo#attestation">attestation : encore 14 min de lecture</a>',
    );
    expect(page.text).toContain('Obtenir mon attestation');

    // Too early: back to the course page, which still says how long remains; nothing issued.
    await agent
      .post('/courses/demo/attestation')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303)
      .expect('location', '/courses/demo#attestation');
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toEqual([]);

    // Ten more minutes of reading, credited at the next module page: 16 of 20.
    t.advance(10 * minute);
    await agent.get('/courses/demo/premier').expect(200);
    page = await agent.get('/courses/demo').expect(200);
    expect(page.text).toContain('Encore 4 min de lecture avant l’attestation.');

    // Five more: the button credits them (the learner was reading) and issues the certificate.
    t.advance(5 * minute);
    const claimed = await agent
      .post('/courses/demo/attestation')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    const [certificate] = await t.store.findBy('certificates', 'userId', learner.id);
    expect(claimed.headers.location).toBe(`/certificates/${certificate!.id}`);
    expect(certificate!.snapshot).toMatchObject({
      measuredMinutes: 21,
      modalities: 'À distance, en autonomie, avec une référente joignable',
      contentUpdatedOn: '2026-11-30',
    });
    page = await agent.get('/courses/demo').expect(200);
    expect(page.text).toContain('Votre attestation est prête.');
    expect(page.text).not.toContain('Obtenir mon attestation');
  });

  it('issues the certificate at the first module page that reaches the time, once', async () => {
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    await complete(t, agent);
    t.advance(15 * minute);
    await agent.get('/courses/demo/premier').expect(200);
    const issued = await t.store.findBy('certificates', 'userId', learner.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]!.snapshot.measuredMinutes).toBe(21);
    t.advance(2 * minute);
    await agent.get('/courses/demo/evaluation').expect(200);
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toHaveLength(1);
  });

  it('never issues again a certificate HR revoked', async () => {
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    await complete(t, agent);
    t.advance(15 * minute);
    await agent.get('/courses/demo/premier').expect(200);
    const [certificate] = await t.store.findBy('certificates', 'userId', learner.id);
    await t.store.transact(async (tx) => {
      tx.put('certificates', { ...certificate!, status: 'revoked', statusChangedAt: t.now().toISOString() });
    });
    t.advance(5 * minute);
    await agent.get('/courses/demo/evaluation').expect(200);
    const page = await agent.get('/courses/demo').expect(200);
    await agent
      .post('/courses/demo/attestation')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    const all = await t.store.findBy('certificates', 'userId', learner.id);
    expect(all.map((c) => c.status)).toEqual(['revoked']);
    expect((await agent.get('/me')).text).not.toContain('#attestation');
    expect(page.text).not.toContain('Obtenir mon attestation');
  });

  it('refuses the button without its CSRF token, and to visitors', async () => {
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    await agent.post('/courses/demo/attestation').type('form').send({}).expect(403);
    const visitor = await request(t.app).post('/courses/demo/attestation').type('form').send({});
    expect([303, 403]).toContain(visitor.status);
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toEqual([]);
  });
});
