import { type BuiltCourse, buildCourse } from '../../catalog/course-builder.ts';
import { csrfOf, type TestApp } from '../../helpers/test-app.ts';
import type { Agent } from './complete-course.ts';

export const minute = 60_000;

/** Passes both quizzes of the fixture course: 6 minutes are credited to the first module. */
export async function complete(t: TestApp, agent: Agent): Promise<void> {
  const first = await agent.get('/courses/demo/premier');
  await agent
    .post('/courses/demo/premier/quiz')
    .type('form')
    .send({ _csrf: csrfOf(first.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' })
    .expect(303);
  t.advance(6 * minute);
  const final = await agent.get('/courses/demo/evaluation');
  await agent
    .post('/courses/demo/evaluation/quiz')
    .type('form')
    .send({ _csrf: csrfOf(final.text), q1: '2', q2: 'c2' })
    .expect(303);
}

/** The fixture course with a minimum time of 20 minutes and every funder field. */
export function buildFunderCourse(): Promise<BuiltCourse> {
  return buildCourse((f) =>
    f.insertLines(
      'course.md',
      10,
      'temps_minimum: 20 min',
      'prerequis: Savoir lire un courriel',
      'modalites: À distance, en autonomie, avec une référente joignable',
      'accessibilite: Écrire à handicap@exemple.org pour une adaptation',
      'contact: Assistance à formation@exemple.org, réponse sous 48 h',
      'mise_a_jour: 2026-11-30',
      'licence: CC BY-SA 4.0',
    ),
  );
}
