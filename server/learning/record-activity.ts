import type { Course, Module } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import type { OnLearningRecorded } from './on-learning-recorded.ts';
import { enrollmentId, moduleProgressId } from './progress-ids.ts';
import { enrollmentIn, moduleProgress } from './queries.ts';
import type { Enrollment, ModuleProgress } from './schema.ts';
import { timeCredit } from './time-credit.ts';

/**
 * Records that a learner is on a module now: the time since their previous request in this course is
 * credited to the module they were on (bounded), the module is marked read, and the course remembers
 * where to resume. The first time the module is read, `onRecorded` hears of it in the same transaction.
 */
export async function recordActivity(
  tx: AppTx,
  input: { userId: string; course: Course; module: Module; now: Date; onRecorded?: OnLearningRecorded },
): Promise<Readonly<ModuleProgress>> {
  const { userId, course, module, now } = input;
  const at = now.toISOString();
  const enrollment = await enrollmentIn(tx, userId, course.slug);
  const credited = await creditElapsedTime(tx, enrollment, now);
  const current = await moduleProgress(tx, userId, course.slug, module.slug);
  const progress = tx.put('progress', {
    id: moduleProgressId(userId, course.slug, module.slug),
    userId,
    course: course.slug,
    module: module.slug,
    firstSeenAt: current?.firstSeenAt ?? at,
    seconds: current?.seconds ?? 0,
    passedAt: current?.passedAt ?? null,
    bestScore: current?.bestScore ?? null,
    readAt: current?.readAt ?? at,
    lastSeenAt: at,
    courseVersion: course.version,
    contentHash: course.contentHash,
  });
  tx.put('enrollments', {
    id: enrollmentId(userId, course.slug),
    userId,
    course: course.slug,
    courseTitle: course.title,
    courseVersion: enrollment?.courseVersion ?? course.version,
    contentHash: enrollment?.contentHash ?? course.contentHash,
    startedAt: enrollment?.startedAt ?? at,
    completedAt: enrollment?.completedAt ?? null,
    finalScore: enrollment?.finalScore ?? null,
    lastSeenAt: at,
    lastModule: module.slug,
    seconds: (enrollment?.seconds ?? 0) + credited,
  });
  if (!current?.readAt && input.onRecorded) await input.onRecorded(tx, { kind: 'read', progress }, course);
  return progress;
}

/**
 * Credits the time since the learner's previous request in the course to the module they were on
 * (bounded, time-credit.ts); returns the seconds credited. The caller moves the enrolment's `lastSeenAt`
 * forward and adds them to its `seconds`, so the same time is never credited twice.
 */
export async function creditElapsedTime(
  tx: AppTx,
  enrollment: Readonly<Enrollment> | undefined,
  now: Date,
): Promise<number> {
  const credit = timeCredit(enrollment?.lastSeenAt, now);
  if (!enrollment || credit <= 0) return 0;
  const previous = await moduleProgress(tx, enrollment.userId, enrollment.course, enrollment.lastModule);
  if (!previous) return 0;
  tx.put('progress', { ...previous, seconds: previous.seconds + credit, lastSeenAt: now.toISOString() });
  return credit;
}
