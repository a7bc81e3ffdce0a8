import { z } from 'zod';
import { CalendarDate } from '../assignments/schema.ts';

/** In this order when the table is sorted by status. `late`: assigned, past its due date, not completed. */
export const CompletionStatus = z.enum(['not_started', 'late', 'in_progress', 'completed', 'revoked']);
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
  /** The earliest due date of the assignments of this course that concern this person (Paris day). */
  dueDate: CalendarDate.nullable(),
});
export type CompletionRow = z.infer<typeof CompletionRow>;
