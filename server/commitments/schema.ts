// A learner's personal commitment after a course (« Ce que je vais essayer cette semaine »): theirs alone.
// No HR or admin page, export or statement reads this collection; the reminder e-mail does not quote it.
import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/** The longest commitment: a sentence or two, not a diary. */
export const commitmentMaxLength = 500;

export const Commitment = z.strictObject({
  /** `<userId>:<course>`: one commitment per learner and course, edited in place. */
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  /** The title when written, shown if the course is later unpublished. */
  courseTitle: z.string(),
  text: z.string().min(1).max(commitmentMaxLength),
  /** Asked to be reminded: when (30 days after asking), and when the reminder went out. */
  remindAt: IsoDate.nullable(),
  remindedAt: IsoDate.nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Commitment = z.infer<typeof Commitment>;

export const commitmentCollections = {
  commitments: defineCollection(Commitment, ['userId']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends CommitmentCollections {}
}
type CommitmentCollections = typeof commitmentCollections;
