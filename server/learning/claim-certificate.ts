import type { Course } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { OnCompletedCourseActivity } from './on-course-completed.ts';
import { enrollmentIn } from './queries.ts';
import { creditElapsedTime } from './record-activity.ts';

/**
 * « Obtenir mon attestation »: the time since the learner's last page in the course is credited (they were
 * reading), then the certificate held back by `temps_minimum` is issued if the time is now reached.
 * Resolves to the certificate's id, or undefined when it is still not due.
 */
export async function claimCertificate(
  deps: { store: AppStore; clock: Clock; onCompletedCourseActivity?: OnCompletedCourseActivity },
  input: { userId: string; course: Course },
): Promise<string | undefined> {
  const { userId, course } = input;
  return deps.store.transact(async (tx) => {
    const now = deps.clock();
    const enrollment = await enrollmentIn(tx, userId, course.slug);
    if (!enrollment?.completedAt) return undefined;
    const credited = await creditElapsedTime(tx, enrollment, now);
    tx.put('enrollments', { ...enrollment, seconds: enrollment.seconds + credited, lastSeenAt: now.toISOString() });
    return deps.onCompletedCourseActivity?.(tx, userId, course);
  });
}
