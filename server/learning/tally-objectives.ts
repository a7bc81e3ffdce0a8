import type { Question } from '../catalog/course.ts';
import type { ObjectiveTally } from './schema.ts';

/**
 * How an attempt did on each course objective its questions are tagged to (`Objectif :`), keyed by the
 * objective's number: questions asked and answered right. Recorded with the attempt, so the per-objective
 * progress of a learner and its aggregates never depend on the course as it is today. Undefined when no
 * question asked is tagged.
 */
export function tallyObjectives(
  questions: readonly Pick<Question, 'id' | 'objectives'>[],
  correct: Readonly<Record<string, boolean>>,
): Record<string, ObjectiveTally> | undefined {
  const tally: Record<string, ObjectiveTally> = {};
  for (const question of questions) {
    for (const objective of question.objectives) {
      const entry = tally[String(objective)] ?? { asked: 0, right: 0 };
      tally[String(objective)] = { asked: entry.asked + 1, right: entry.right + (correct[question.id] ? 1 : 0) };
    }
  }
  return Object.keys(tally).length > 0 ? tally : undefined;
}
