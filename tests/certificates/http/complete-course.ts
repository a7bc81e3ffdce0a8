import { csrfOf, type signIn, type TestApp } from '../../helpers/test-app.ts';

export type Agent = Awaited<ReturnType<typeof signIn>>;

/** Passes both quizzes of the fixture course through HTTP; 6 minutes are credited to the first module. */
export async function passDemoQuizzes(t: TestApp, agent: Agent): Promise<void> {
  const first = await agent.get('/courses/demo/premier');
  await agent
    .post('/courses/demo/premier/quiz')
    .type('form')
    .send({ _csrf: csrfOf(first.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' })
    .expect(200);
  t.advance(6 * 60_000);
  const final = await agent.get('/courses/demo/evaluation');
  await agent
    .post('/courses/demo/evaluation/quiz')
    .type('form')
    .send({ _csrf: csrfOf(final.text), q1: '2', q2: 'c2' })
    .expect(200);
}

/** Completes the fixture course through HTTP and returns the certificate id from « Mon parcours ». */
export async function completeCourse(t: TestApp, agent: Agent): Promise<string> {
  await passDemoQuizzes(t, agent);
  const me = await agent.get('/me').expect(200);
  const match = /href="\/certificates\/([\w-]+)">Mon attestation/.exec(me.text);
  if (!match) throw new Error('no certificate link on /me');
  return match[1]!;
}
