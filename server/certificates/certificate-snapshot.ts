import { z } from 'zod';
import { SHORT_CODE_PATTERN } from './generate-verification-code.ts';

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * Everything printed on a certificate, frozen when it is issued: later edits to the course,
 * the account or the organisation must not change a certificate already delivered.
 */
export const CertificateSnapshot = z.strictObject({
  learnerName: z.string().trim().min(1),
  courseTitle: z.string().trim().min(1),
  courseVersion: z.int().positive(),
  /** Hash of the content of `courseVersion`: the version the learner completed the course on. */
  contentHash: z.string().min(1),
  objectives: z.array(z.string().trim().min(1)),
  /** Duration announced by the course author. */
  declaredMinutes: z.int().nonnegative(),
  /** Time the learner actually spent, as measured by the platform. */
  measuredMinutes: z.int().nonnegative(),
  startedAt: isoDateTime.optional(),
  completedAt: isoDateTime,
  /** Final assessment, in percent. */
  score: z.int().min(0).max(100),
  passMark: z.int().min(0).max(100),
  issuer: z.strictObject({
    name: z.string().trim().min(1),
    city: z.string().trim().min(1),
    /** « Pour … » when the structure's face names who signs (decision 023); the issuer's name otherwise. */
    signatory: z.string().trim().min(1).optional(),
    /** The hash of the structure's PNG logo, printed in the header (an SVG logo is not: the name is). */
    logo: z.string().optional(),
  }),
  shortCode: z.string().regex(SHORT_CODE_PATTERN),
  /** The course's `modalites`, when it states them (older certificates: the default wording). */
  modalities: z.string().trim().min(1).optional(),
  /** The course's `mise_a_jour` (`YYYY-MM-DD`), when it states it. */
  contentUpdatedOn: z.iso.date().optional(),
  issuedAt: isoDateTime,
});
export type CertificateSnapshot = z.infer<typeof CertificateSnapshot>;
