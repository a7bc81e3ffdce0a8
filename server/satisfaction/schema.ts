// Satisfaction survey rows (Qualiopi indicator 30). A response carries no link to its author: no user id,
// no enrolment id, no timestamp finer than the month. That the enrolment has answered is a separate row,
// so the survey is not offered twice.
import { z } from 'zod';
import { defineCollection } from '../store/store.ts';

export const Score = z.number().int().min(1).max(5).nullable();

/** One anonymous answer to the end-of-course questionnaire. */
export const SatisfactionResponse = z.strictObject({
  /** Random, unrelated to the learner. */
  id: z.string(),
  course: z.string(),
  courseVersion: z.number().int(),
  /** The learner's structure when they answered, for reports per structure (small groups are masked). */
  structure: z.string(),
  /** `YYYY-MM`, Paris time: the period reports are filtered by, and nothing finer. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  usefulness: Score,
  clarity: Score,
  application: Score,
  comment: z.string().max(1000).nullable(),
});
export type SatisfactionResponse = z.infer<typeof SatisfactionResponse>;

/** That an enrolment (learner × course) has answered; says nothing of the answer. */
export const SatisfactionAnswered = z.strictObject({
  /** The enrolment's id (`userId|course`). */
  id: z.string(),
  userId: z.string(),
  course: z.string(),
});
export type SatisfactionAnswered = z.infer<typeof SatisfactionAnswered>;

export const satisfactionCollections = {
  satisfactionResponses: defineCollection(SatisfactionResponse, ['course']),
  satisfactionAnswered: defineCollection(SatisfactionAnswered, ['userId']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends SatisfactionCollections {}
}
type SatisfactionCollections = typeof satisfactionCollections;
