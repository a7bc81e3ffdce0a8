import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import type { Course } from '../catalog/course.ts';
import { remainingSeconds } from '../learning/minimum-time.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { AppCollections } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { certificateEligibility } from './certificate-eligibility.ts';
import type { CertificateSnapshot } from './certificate-snapshot.ts';
import { certificatesOfLearnerInCourse, secondsOnCourse } from './queries.ts';
import type { Certificate } from './schema.ts';
import { uniqueCodes } from './unique-codes.ts';

export type Issuer = CertificateSnapshot['issuer'];

/**
 * Issues the certificate of a just-completed course, inside the completion's transaction. It freezes a
 * snapshot of everything printed, so later edits to the course or the account change nothing.
 */
export async function issueCertificate(
  tx: Tx<AppCollections>,
  input: { enrollment: Readonly<Enrollment>; course: Course; issuer: Issuer; now: Date },
): Promise<Readonly<Certificate> | undefined> {
  const { enrollment, course, issuer, now } = input;
  // The certificate is for the version completed on (`course`, published now), not the one the learner
  // started on (`enrollment.courseVersion`): its number, its content hash and the one-per-version rule agree.
  const completed = { completedAt: enrollment.completedAt, courseVersion: course.version };
  const existing = await certificatesOfLearnerInCourse(tx, enrollment.userId, course.slug);
  if (!certificateEligibility(completed, existing).eligible) return undefined;
  const seconds = await secondsOnCourse(tx, enrollment.userId, course);
  // Held back until the measured time reaches `temps_minimum` (issue-waiting-certificate.ts issues it then).
  if (remainingSeconds(course, seconds) > 0) return undefined;
  const user = await tx.get('users', enrollment.userId);
  if (!user) return undefined;
  const final = course.modules.find((m) => m.isFinal);
  const codes = await uniqueCodes(tx);
  const snapshot: CertificateSnapshot = {
    learnerName: user.name,
    courseTitle: course.title,
    courseVersion: course.version,
    contentHash: course.contentHash,
    objectives: course.objectives,
    declaredMinutes: course.declaredMinutes,
    measuredMinutes: Math.round(seconds / 60),
    startedAt: enrollment.startedAt,
    completedAt: enrollment.completedAt!,
    score: Math.round(enrollment.finalScore ?? 100),
    passMark: final?.quiz?.passMark ?? course.passMark,
    issuer,
    shortCode: codes.shortCode,
    issuedAt: now.toISOString(),
    ...(course.funder.modalities ? { modalities: course.funder.modalities } : {}),
    ...(course.funder.updatedOn ? { contentUpdatedOn: course.funder.updatedOn } : {}),
  };
  const certificate = tx.put('certificates', {
    id: randomUUID(),
    ...codes,
    userId: user.id,
    course: course.slug,
    courseVersion: course.version,
    snapshot,
    status: 'valid',
    statusChangedAt: null,
    statusChangedBy: null,
    revokeReason: null,
    replacedBy: null,
    replaces: null,
  });
  recordAudit(tx, {
    actorId: null,
    action: 'certificate.issued',
    target: certificate.id,
    details: { userId: user.id, course: course.slug },
    at: now,
  });
  return certificate;
}
