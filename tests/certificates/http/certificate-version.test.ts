import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../server/catalog/load-course.ts';
import { addUser, csrfOf, signIn } from '../../helpers/test-app.ts';
import { expectStatus, openStudioApps, postForm, studioAgent } from '../../studio/studio-test-app.ts';

const open = openStudioApps();

describe('the course version a certificate is for', () => {
  it('is the version the learner completed on, with that version’s content hash, when a new one came out meanwhile', async () => {
    const t = await open();
    const user = await addUser(t, 'learner');
    const learner = await signIn(t, user);
    // Started on version 2 (the fixture's): the first module read and its quiz passed.
    const first = await learner.get('/courses/demo/premier').expect(200);
    await learner
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(first.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' })
      .expect(200);
    expect((await t.store.findBy('enrollments', 'userId', user.id))[0]?.courseVersion).toBe(2);

    // A trainer publishes version 3.
    const { agent: trainer } = await studioAgent(t);
    const editor = '/studio/courses/demo/files/01-premier.md';
    const source = (await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).replace(
      'Une autre idée.',
      'Une idée de la version 3.',
    );
    expectStatus(await postForm(trainer, editor, { source, action: 'save' }, editor), 303);
    expectStatus(await postForm(trainer, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    const v3 = (await loadCourse(path.join(t.coursesDir, 'demo'), { displayRoot: t.coursesDir })).course!;
    expect(v3.version).toBe(3);

    // The learner finishes on version 3.
    const final = await learner.get('/courses/demo/evaluation').expect(200);
    await learner
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(final.text), q1: '2', q2: 'c2' })
      .expect(200);
    const [certificate] = await t.store.findBy('certificates', 'userId', user.id);
    expect(certificate).toMatchObject({
      courseVersion: 3,
      snapshot: { courseVersion: 3, contentHash: v3.contentHash },
    });
  });
});
