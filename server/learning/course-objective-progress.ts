import type { Course } from '../catalog/course.ts';
import { aggregateObjectiveProgress, type ObjectiveProgressSummary } from './aggregate-objective-progress.ts';
import { countedFinalAttempt, learnerObjectiveProgress } from './objective-progress.ts';
import { attemptsOfCourse, type LearningReader } from './queries.ts';
import type { Attempt } from './schema.ts';

export interface ObjectiveProgressFilter {
  /** Only these learners (a structure's); everyone when undefined. */
  userIds?: ReadonlySet<string>;
  /** Instants in ms, start included, end excluded: the learner counts when their final assessment falls in it. */
  period?: { start: number; end: number };
}

/**
 * The progress per objective of a course's learners, aggregated (aggregate-objective-progress.ts): what the
 * studio shows trainers and « Suivi RH » shows HR. A learner is placed in a period by the final assessment
 * attempt that counts, the moment their « after » was measured.
 */
export async function courseObjectiveProgress(
  reader: LearningReader,
  course: Course,
  filter: ObjectiveProgressFilter = {},
): Promise<ObjectiveProgressSummary | undefined> {
  const final = course.modules.find((m) => m.isFinal);
  if (!final || !course.modules.some((m) => m.positioning)) return undefined;
  const byLearner = new Map<string, Readonly<Attempt>[]>();
  for (const attempt of await attemptsOfCourse(reader, course.slug)) {
    if (filter.userIds && !filter.userIds.has(attempt.userId)) continue;
    const list = byLearner.get(attempt.userId) ?? [];
    list.push(attempt);
    byLearner.set(attempt.userId, list);
  }
  const learners = [...byLearner.values()].flatMap((attempts) => {
    const after = countedFinalAttempt(attempts.filter((a) => a.module === final.slug));
    const at = after ? Date.parse(after.createdAt) : undefined;
    if (filter.period && (at === undefined || at < filter.period.start || at >= filter.period.end)) return [];
    return [learnerObjectiveProgress(course, attempts)];
  });
  return aggregateObjectiveProgress(course.objectives, learners);
}
