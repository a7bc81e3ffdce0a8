import type { Course } from '../catalog/course.ts';
import { enrollmentIn } from '../learning/queries.ts';
import type { AppTx } from '../store/app-collections.ts';
import { type Issuer, issueCertificate } from './issue-certificate.ts';
import { certificatesOfLearnerInCourse } from './queries.ts';
import type { Certificate } from './schema.ts';

/**
 * Issues the certificate of a course completed earlier whose certificate was held back by `temps_minimum`,
 * once the measured time reaches it. Only when this completion never gave a certificate: one that HR
 * revoked stays revoked, and a version published since the completion gives none (it was not taken).
 */
export async function issueWaitingCertificate(
  tx: AppTx,
  input: { userId: string; course: Course; issuer: Issuer; now: Date },
): Promise<Readonly<Certificate> | undefined> {
  const { userId, course } = input;
  const enrollment = await enrollmentIn(tx, userId, course.slug);
  if (!enrollment?.completedAt) return undefined;
  const existing = await certificatesOfLearnerInCourse(tx, userId, course.slug);
  if (existing.length > 0) return undefined;
  return issueCertificate(tx, { enrollment, course, issuer: input.issuer, now: input.now });
}
