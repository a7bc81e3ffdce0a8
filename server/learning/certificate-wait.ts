import type { Course } from '../catalog/course.ts';
import type { CourseProgress } from './course-progress.ts';
import { remainingSeconds } from './minimum-time.ts';
import type { LearningReader } from './queries.ts';

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
  if (course.minimumMinutes === undefined || held.some((c) => c.courseVersion === course.version)) return undefined;
  return { kind: 'waiting', remainingMinutes: Math.ceil(remainingSeconds(course, progress.seconds) / 60) };
}
