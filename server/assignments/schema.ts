// Assigned trainings: HR says who must complete a course, optionally by when. An assignment is a rule
// (everyone, a structure, named people) read when needed, so someone who joins a structure later has
// that structure's assignments at once, with nothing to copy.
import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

export const assignmentTargets = ['everyone', 'structure', 'people'] as const;
export type AssignmentTarget = (typeof assignmentTargets)[number];

/** A day on the Paris calendar, `2027-03-31`: the course is due at the end of that day. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Assignment = z.strictObject({
  id: z.string(),
  course: z.string(),
  /** The title when assigned, shown if the course is later unpublished. */
  courseTitle: z.string(),
  target: z.enum(assignmentTargets),
  /** For `structure`. */
  structure: z.string().nullable(),
  /** For `people`. */
  userIds: z.array(z.string()),
  dueDate: CalendarDate.nullable(),
  status: z.enum(['active', 'withdrawn']),
  createdAt: IsoDate,
  createdBy: z.string(),
  withdrawnAt: IsoDate.nullable(),
  withdrawnBy: z.string().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

export const assignmentCollections = {
  assignments: defineCollection(Assignment, ['status', 'course', 'structure']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends AssignmentCollections {}
}
type AssignmentCollections = typeof assignmentCollections;
