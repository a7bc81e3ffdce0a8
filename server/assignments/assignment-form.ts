import { z } from 'zod';
import { says } from '../shared/says.ts';
import { assignmentTargets } from './schema.ts';

/** The « Assigner une formation » form as typed; the use case checks it against the catalog and the accounts. */
export const AssignmentForm = z.object({
  course: z.string().trim().min(1, says('assignments.form.courseRequired')),
  target: z.enum(assignmentTargets, says('assignments.form.targetRequired')),
  structure: z.string().trim().max(120).catch(''),
  emails: z.string().max(500_000, says('assignments.form.emailsTooLong')).catch(''),
  dueDate: z
    .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)], says('assignments.form.dueDateInvalid'))
    .catch('invalid'),
});
export type AssignmentForm = z.infer<typeof AssignmentForm>;

/** Addresses separated by lines, commas, semicolons or spaces, as pasted from a spreadsheet or a mail client. */
export function splitEmails(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
