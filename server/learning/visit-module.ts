import type { Course, Module } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { evaluateCompletion } from './evaluate-completion.ts';
import type { OnCompletedCourseActivity, OnCourseCompleted } from './on-course-completed.ts';
import type { OnLearningRecorded } from './on-learning-recorded.ts';
import { recordActivity } from './record-activity.ts';
import { unchangedView } from './unchanged-view.ts';

type VisitDeps = {
  store: AppStore;
  clock: Clock;
  onCourseCompleted?: OnCourseCompleted;
  onLearningRecorded?: OnLearningRecorded;
  onCompletedCourseActivity?: OnCompletedCourseActivity;
};
type Visit = { userId: string; course: Course; module: Module };

/** Visits waiting for their transaction to start, per app (its deps object). */
const pending = new WeakMap<VisitDeps, { visits: Visit[]; done: Promise<void> }>();

/**
 * A signed-in learner opens a module: record it (read, time, resume point) and check completion; resolves
 * once durable. Views that arrive while the store is busy share one transaction (it starts when the store
 * gets to it and takes every view queued by then): a transaction per view cost a quarter of a module
 * page's CPU (docs/decisions/006-performance.md). If that transaction fails, every view in it fails.
 * A view that would change nothing (unchanged-view.ts) records nothing and checks nothing.
 */
export function visitModule(deps: VisitDeps, input: Visit): Promise<void> {
  let batch = pending.get(deps);
  if (!batch) {
    const visits: Visit[] = [];
    const done = deps.store.transact(async (tx) => {
      pending.delete(deps); // views from now on wait for the next transaction
      const now = deps.clock();
      for (const visit of visits) {
        // A reload within half a second changes nothing worth a durable write (unchanged-view.ts).
        if (await unchangedView(tx, { ...visit, now })) continue;
        await recordActivity(tx, { ...visit, now, onRecorded: deps.onLearningRecorded });
        const completed = await evaluateCompletion(tx, { userId: visit.userId, course: visit.course, now });
        if (completed && deps.onCourseCompleted) await deps.onCourseCompleted(tx, completed, visit.course);
        // A certificate held back by `temps_minimum` is issued at the first view that reaches the time.
        else if (visit.course.minimumMinutes !== undefined && deps.onCompletedCourseActivity)
          await deps.onCompletedCourseActivity(tx, visit.userId, visit.course);
      }
    });
    batch = { visits, done };
    pending.set(deps, batch);
  }
  batch.visits.push(input);
  return batch.done;
}
