// The rows of the learner's path: progress per module, enrolment per course, graded quiz attempts.
import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/** A learner's progress in one module. */
export const ModuleProgress = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  module: z.string(),
  courseVersion: z.number().int(),
  contentHash: z.string(),
  firstSeenAt: IsoDate,
  lastSeenAt: IsoDate,
  seconds: z.number().int().min(0),
  readAt: IsoDate.nullable(),
  passedAt: IsoDate.nullable(),
  bestScore: z.number().min(0).max(100).nullable(),
});
export type ModuleProgress = z.infer<typeof ModuleProgress>;

/** A learner's journey through one course: where to resume, when it started and ended. */
export const Enrollment = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  courseTitle: z.string(),
  courseVersion: z.number().int(),
  contentHash: z.string(),
  startedAt: IsoDate,
  lastSeenAt: IsoDate,
  lastModule: z.string(),
  completedAt: IsoDate.nullable(),
  finalScore: z.number().min(0).max(100).nullable(),
  /**
   * Time measured in the course: the sum of its modules' `seconds`, credited in the same transaction, so
   * a report reads one number per enrollment instead of adding up progress rows at each request.
   */
  seconds: z.number().int().min(0),
});
export type Enrollment = z.infer<typeof Enrollment>;

export const Answer = z.union([z.string(), z.array(z.string())]);
export type Answer = z.infer<typeof Answer>;

/** Questions asked on one course objective in an attempt, and how many were answered right. */
export const ObjectiveTally = z.strictObject({ asked: z.number().int().min(1), right: z.number().int().min(0) });
export type ObjectiveTally = z.infer<typeof ObjectiveTally>;

/** One quiz submission, graded by the server, with the version of the course it was taken on. */
export const Attempt = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  module: z.string(),
  courseVersion: z.number().int(),
  contentHash: z.string(),
  createdAt: IsoDate,
  answers: z.record(z.string(), Answer),
  correct: z.record(z.string(), z.boolean()),
  score: z.number().min(0).max(100),
  passMark: z.number(),
  passed: z.boolean(),
  /** The questions asked, in order, when the quiz draws from a bank (draw-questions.ts); absent: all. */
  questions: z.array(z.string()).optional(),
  /** By course objective number (`Objectif :` tags, tally-objectives.ts); absent when no question asked is tagged. */
  byObjective: z.record(z.string(), ObjectiveTally).optional(),
});
export type Attempt = z.infer<typeof Attempt>;

export const learningCollections = {
  progress: defineCollection(ModuleProgress, ['userId']),
  enrollments: defineCollection(Enrollment, ['userId', 'course'], {
    // What the HR reports read of an enrollment (server/hr/completion-rows-sql.ts).
    types: {
      userId: 'text',
      course: 'text',
      courseTitle: 'text',
      courseVersion: 'integer',
      startedAt: 'text',
      completedAt: 'text',
      finalScore: 'float8',
      seconds: 'float8',
    },
    indexed: ['userId'],
  }),
  attempts: defineCollection(Attempt, ['userId', 'course']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends LearningCollections {}
}
type LearningCollections = typeof learningCollections;
