import type { Course } from '../catalog/course.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { AppCollections } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { moduleStatus } from './module-status.ts';
import { enrollmentId, moduleProgressId } from './progress-ids.ts';

/**
 * Marks the course complete when every module is (the final assessment included, since it is a module
 * with a quiz). Returns the enrollment when it has just become complete, so a certificate can be issued
 * in the same durable transaction.
 */
export async function evaluateCompletion(
  tx: Tx<AppCollections>,
  input: { userId: string; course: Course; now: Date },
): Promise<Readonly<Enrollment> | undefined> {
  const { userId, course, now } = input;
  const enrollment = await tx.get('enrollments', enrollmentId(userId, course.slug));
  if (!enrollment || enrollment.completedAt) return undefined;
  let finalScore: number | null = null;
  for (const module of course.modules) {
    const progress = await tx.get('progress', moduleProgressId(userId, course.slug, module.slug));
    if (moduleStatus(module, progress) !== 'completed') return undefined;
    if (module.isFinal) finalScore = progress?.bestScore ?? null;
  }
  return tx.put('enrollments', { ...enrollment, completedAt: now.toISOString(), finalScore });
}
