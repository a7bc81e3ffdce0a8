import type { Course } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import { countedModules } from './counted-modules.ts';
import { moduleStatus } from './module-status.ts';
import { enrollmentIn, progressInCourse } from './queries.ts';
import type { Enrollment } from './schema.ts';

/**
 * Marks the course complete when every module is (the positioning quiz aside, never required) (the final assessment included, since it is a module
 * with a quiz). Returns the enrollment when it has just become complete, so a certificate can be issued
 * in the same durable transaction.
 */
export async function evaluateCompletion(
  tx: AppTx,
  input: { userId: string; course: Course; now: Date },
): Promise<Readonly<Enrollment> | undefined> {
  const { userId, course, now } = input;
  const enrollment = await enrollmentIn(tx, userId, course.slug);
  if (!enrollment || enrollment.completedAt) return undefined;
  const progress = await progressInCourse(tx, userId, course);
  if (countedModules(course).some((module) => moduleStatus(module, progress.get(module.slug)) !== 'completed'))
    return undefined;
  const final = course.modules.findLast((module) => module.isFinal);
  const finalScore = final ? (progress.get(final.slug)?.bestScore ?? null) : null;
  return tx.put('enrollments', { ...enrollment, completedAt: now.toISOString(), finalScore });
}
