import type { Course } from '../catalog/course.ts';

/**
 * Seconds of measured time still missing before the course's certificate may be issued (`temps_minimum`);
 * 0 once reached or when the course sets no minimum. Funders ask for proof of time spent: a learner who
 * passes every quiz in ten minutes has completed the course, but waits for the certificate.
 */
export function remainingSeconds(course: Pick<Course, 'minimumMinutes'>, measuredSeconds: number): number {
  if (course.minimumMinutes === undefined) return 0;
  return Math.max(0, course.minimumMinutes * 60 - measuredSeconds);
}
