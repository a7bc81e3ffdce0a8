import type { Course } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import type { Attempt, ModuleProgress } from './schema.ts';

/** A step of the learner's path that other systems may hear of: a module read for the first time, a quiz attempt. */
export type LearningRecord =
  | { kind: 'read'; progress: Readonly<ModuleProgress> }
  | { kind: 'attempt'; attempt: Readonly<Attempt> };

/**
 * Runs inside the transaction that records the step, so that what it causes (an xAPI statement queued
 * for the learning record store) exists exactly when the step does; learning knows nothing of it:
 * app.ts wires it, as `onCourseCompleted`.
 */
export type OnLearningRecorded = (tx: AppTx, record: LearningRecord, course: Course) => Promise<void>;
