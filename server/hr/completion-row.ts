import { z } from 'zod';

export const CompletionStatus = z.enum(['not_started', 'in_progress', 'completed', 'revoked']);
export type CompletionStatus = z.infer<typeof CompletionStatus>;

export const CertificateStatus = z.enum(['valid', 'revoked', 'replaced']);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** One learner × one course version, as HR sees it in the completion reports. */
export const CompletionRow = z.strictObject({
  name: z.string(),
  email: z.string(),
  /** Employee number in the learner's structure, when HR gave one. */
  matricule: z.string().nullable(),
  structure: z.string(),
  /** Course title. */
  course: z.string(),
  courseVersion: z.int().positive(),
  status: CompletionStatus,
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  /** Time measured on the module pages. */
  measuredMinutes: z.int().nonnegative(),
  /** Duration the course declares (what the certificate states). */
  declaredMinutes: z.int().nonnegative(),
  /** Percentage, 0–100. */
  finalScore: z.number().min(0).max(100).nullable(),
  certificateCode: z.string().nullable(),
  certificateStatus: CertificateStatus.nullable(),
});
export type CompletionRow = z.infer<typeof CompletionRow>;
