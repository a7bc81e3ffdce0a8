// What the daily job has sent (so running it twice sends nothing twice), who turned reminders off or
// asked for the HR digest, and the daily job's lease (so one instance runs it).
import { z } from 'zod';
import { CalendarDate } from '../assignments/schema.ts';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/** One reminder or digest sent; its id is made of what makes it unique (kind, person, assignment, day). */
export const Notice = z.strictObject({
  id: z.string(),
  kind: z.enum(['reminder', 'digest']),
  userId: z.string(),
  assignmentId: z.string().nullable(),
  /** The day of the schedule it answers (a reminder planned on the due date keeps that day if sent later). */
  scheduledDate: CalendarDate,
  sentAt: IsoDate,
});
export type Notice = z.infer<typeof Notice>;

/** A person's choices about optional e-mail; absent means reminders on, digest off. */
export const MailPreference = z.strictObject({
  id: z.string(),
  reminders: z.boolean(),
  hrDigest: z.boolean(),
  updatedAt: IsoDate,
});
export type MailPreference = z.infer<typeof MailPreference>;

/** A job that runs once a day across every instance: the day it last completed, and who runs it now. */
export const JobRun = z.strictObject({
  id: z.string(),
  lastRunDate: CalendarDate.nullable(),
  leaseOwner: z.string().nullable(),
  leaseUntil: IsoDate.nullable(),
});
export type JobRun = z.infer<typeof JobRun>;

export const reminderCollections = {
  notices: defineCollection(Notice, ['userId']),
  mailPreferences: defineCollection(MailPreference),
  jobRuns: defineCollection(JobRun),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends ReminderCollections {}
}
type ReminderCollections = typeof reminderCollections;
