import type { Catalog, Course } from '../catalog/course.ts';
import type { CourseProgress } from './course-progress.ts';
import { remainingSeconds } from './minimum-time.ts';
import type { JourneyCourse, LearningReader } from './queries.ts';

/** Where a learner who completed a course stands with its certificate, as the course page tells them. */
export type CertificateWait =
  | { kind: 'issued'; certificateId: string }
  /** Held back by `temps_minimum`: minutes still to spend (0: reached, the button issues it). */
  | { kind: 'waiting'; remainingMinutes: number };

/** Undefined while the course is not completed, or when there is nothing to say (no minimum, revoked). */
export async function certificateWait(
  reader: LearningReader,
  userId: string,
  course: Course,
  progress: CourseProgress,
): Promise<CertificateWait | undefined> {
  if (!progress.enrollment?.completedAt) return undefined;
  const theirs = await reader.findBy('certificates', 'userId', userId);
  const held = theirs.filter((c) => c.course === course.slug);
  const valid = held.find((c) => c.status === 'valid');
  if (valid) return { kind: 'issued', certificateId: valid.id };
  // A revoked or replaced certificate is not waiting for time: the page has nothing to add.
  if (course.minimumMinutes === undefined || held.length > 0) return undefined;
  return { kind: 'waiting', remainingMinutes: remainingMinutes(course, progress.seconds) };
}

/** Whole minutes still to spend before the certificate, rounded up (0 once reached). */
export function remainingMinutes(course: Pick<Course, 'minimumMinutes'>, measuredSeconds: number): number {
  return Math.ceil(remainingSeconds(course, measuredSeconds) / 60);
}

/** « Mon parcours »: minutes still to spend, per completed course whose certificate waits for `temps_minimum`. */
export async function certificatesWaiting(
  reader: LearningReader,
  userId: string,
  catalog: Catalog,
  completed: readonly JourneyCourse[],
): Promise<Record<string, number>> {
  const waiting: Record<string, number> = {};
  const candidates = completed.filter(
    (row) => catalog.bySlug.get(row.enrollment.course)?.minimumMinutes && row.progress,
  );
  if (candidates.length === 0) return waiting;
  // Any certificate of the course, revoked ones included, means it is not waiting for time.
  const held = new Set((await reader.findBy('certificates', 'userId', userId)).map((c) => c.course));
  for (const row of candidates) {
    const course = catalog.bySlug.get(row.enrollment.course)!;
    if (!held.has(course.slug)) waiting[course.slug] = remainingMinutes(course, row.progress!.seconds);
  }
  return waiting;
}
