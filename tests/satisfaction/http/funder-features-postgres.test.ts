import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCourse } from '../../catalog/course-builder.ts';
import { passDemoQuizzes as complete } from '../../certificates/http/complete-course.ts';
import { buildFunderCourse, minute } from '../../certificates/http/funder-course.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { download, excelCsv } from '../../hr/http/hr-test-app.ts';

// The same features on the shared store: the held-back certificate, the anonymous survey, the activity record.
describe.skipIf(skipWithoutDatabase)('funder features on PostgreSQL', () => {
  let database: TestDatabase;
  let built: BuiltCourse;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    built = await buildFunderCourse();
    t = await createTestApp({ coursesDir: built.root, databaseUrl: database.url });
  });
  afterAll(async () => {
    await t?.close();
    await built?.remove();
    await database?.drop();
  });

  it('holds the certificate until the time is reached, keeps the opinion anonymous, exports the activity', async () => {
    const learner = await addUser(t, 'learner', { name: 'Rémi Caron' });
    const agent = await signIn(t, learner);
    await complete(t, agent);
    let page = await agent.get('/courses/demo').expect(200);
    expect(page.text).toContain('Encore 14 min de lecture avant l’attestation.');
    t.advance(15 * minute);
    await agent
      .post('/courses/demo/attestation')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toHaveLength(1);

    const form = await agent.get('/satisfaction/demo').expect(200);
    await agent
      .post('/satisfaction/demo')
      .type('form')
      .send({ _csrf: csrfOf(form.text), usefulness: '4', comment: 'Clair.' })
      .expect(303);
    page = await agent.get('/courses/demo');
    expect(page.text).toContain('Merci, votre avis a été enregistré.');
    const responses = await t.store.findBy('satisfactionResponses', 'course', 'demo');
    expect(responses).toHaveLength(1);
    expect(JSON.stringify(responses[0])).not.toContain(learner.id);

    const hr = await signIn(t, await addUser(t, 'hr'));
    const rows = excelCsv((await download(hr, `/hr/learners/${learner.id}/activite.csv`).expect(200)).body as Buffer);
    expect(rows.filter((r) => r[4] === 'Formation').map((r) => [r[0], r[8], r[10]])).toEqual([
      ['Rémi Caron', '21', 'terminée'],
    ]);
  });
});
