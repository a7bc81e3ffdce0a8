import type { Enrollment } from '../learning/schema.ts';
import type { Certificate } from './schema.ts';

export type Eligibility = { eligible: true } | { eligible: false; reason: 'not_completed' | 'already_issued' };

/**
 * A certificate is due once the course is complete, and only one valid certificate exists per learner,
 * course and course version (issuing is idempotent; a revoked one does not block a new completion).
 */
export function certificateEligibility(
  enrollment: Pick<Enrollment, 'completedAt' | 'courseVersion'> | undefined,
  existing: readonly Pick<Certificate, 'status' | 'courseVersion'>[],
): Eligibility {
  if (!enrollment?.completedAt) return { eligible: false, reason: 'not_completed' };
  if (existing.some((c) => c.status === 'valid' && c.courseVersion === enrollment.courseVersion)) {
    return { eligible: false, reason: 'already_issued' };
  }
  return { eligible: true };
}
