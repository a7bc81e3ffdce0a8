import type { Course, Module } from '../courses/course.ts';
import type { Clock } from '../http/clock.ts';
import type { OnCourseCompleted } from '../quizzes/submit-quiz.ts';
import type { AppStore } from '../store/app-store.ts';
import { evaluateCompletion } from './evaluate-completion.ts';
import { recordActivity } from './record-activity.ts';

/** A signed-in learner opens a module: record it (read, time, resume point) and check completion. */
export async function visitModule(
  deps: { store: AppStore; clock: Clock; onCourseCompleted?: OnCourseCompleted },
  input: { userId: string; course: Course; module: Module },
): Promise<void> {
  await deps.store.transact(async (tx) => {
    const now = deps.clock();
    await recordActivity(tx, { ...input, now });
    const completed = await evaluateCompletion(tx, { userId: input.userId, course: input.course, now });
    if (completed && deps.onCourseCompleted) await deps.onCourseCompleted(tx, completed, input.course);
  });
}
