import { describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn } from '../helpers/test-app.ts';
import { createFaultyFs } from '../store/fixtures/faulty-fs.ts';

describe('a failed durable write', () => {
  it('answers 503 in French, records nothing, and the next submission works', async () => {
    const faulty = createFaultyFs();
    const t = await createTestApp({ fs: faulty.fs });
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/premier').expect(200);
    const answers = { _csrf: csrfOf(page.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' };

    faulty.failNext('write', 'journal', { code: 'ENOSPC', partial: true });
    const errorLog = console.error;
    console.error = () => {};
    const failed = await agent.post('/courses/demo/premier/quiz').type('form').send(answers);
    console.error = errorLog;
    expect(failed.status).toBe(503);
    expect(failed.text).toContain('Votre action n’a pas pu être enregistrée.');
    expect(await t.store.findBy('attempts', 'userId', learner.id)).toHaveLength(0);

    await agent.post('/courses/demo/premier/quiz').type('form').send(answers).expect(200);
    expect(await t.store.findBy('attempts', 'userId', learner.id)).toHaveLength(1);
    await t.close();
  });
});
