import { randomUUID } from 'node:crypto';
import { parisDate } from '../../assignments/assignment-status.ts';
import type { Course } from '../../catalog/course.ts';
import { enrollmentIn } from '../../learning/queries.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { AlreadyAnsweredError, CourseNotCompletedError } from '../errors.ts';
import { hasAnswered } from '../queries.ts';
import type { SatisfactionForm } from '../satisfaction-form.ts';

/**
 * Records a learner's answer to the end-of-course questionnaire, once per enrolment. The response keeps
 * only the course, its version, the structure and the month: the marker that this enrolment has answered
 * is a separate row that says nothing of the answer.
 */
export async function answerSatisfaction(
  deps: { store: AppStore; clock: Clock },
  input: { userId: string; course: Course; answer: SatisfactionForm },
): Promise<void> {
  const { userId, course, answer } = input;
  await deps.store.transact(async (tx) => {
    const enrollment = await enrollmentIn(tx, userId, course.slug);
    if (!enrollment?.completedAt) throw new CourseNotCompletedError();
    if (await hasAnswered(tx, userId, course.slug)) throw new AlreadyAnsweredError();
    const user = await tx.get('users', userId);
    tx.put('satisfactionAnswered', { id: enrollment.id, userId, course: course.slug });
    tx.put('satisfactionResponses', {
      id: randomUUID(),
      course: course.slug,
      courseVersion: enrollment.courseVersion,
      structure: user?.structure ?? '',
      month: parisDate(deps.clock()).slice(0, 7),
      usefulness: answer.usefulness,
      clarity: answer.clarity,
      application: answer.application,
      comment: answer.comment,
    });
  });
}
