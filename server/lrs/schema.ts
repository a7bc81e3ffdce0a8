// The xAPI statements waiting for (or done with) the learning record store: each is a row here, written
// in the transaction of the learning step that causes it, then POSTed by the LRS worker (decision 014).
// The row's id is the statement's own id (a stable name-based UUID), so a statement is queued once.
import { z } from 'zod';
import { outboxFields } from '../store/outbox/outbox-fields.ts';
import { defineCollection } from '../store/store.ts';

export const LrsStatement = z.strictObject({
  id: z.string(),
  /** The statement as built when the step happened (server/xapi/build-statements.ts), sent as is at every attempt; emptied once delivered. */
  statement: z.record(z.string(), z.unknown()),
  /** The verb's last segment (`answered`, `completed`…) and the activity, for the admin page. */
  verb: z.string(),
  objectId: z.string(),
  /** The learner (an account id, never shown on the admin page) and the course, to find a person's statements. */
  userId: z.string(),
  course: z.string(),
  /** True when the LRS answered 409: it already had a statement with this id (an earlier attempt whose answer was lost). */
  alreadyStored: z.boolean(),
  ...outboxFields,
});
export type LrsStatement = z.infer<typeof LrsStatement>;

export const lrsCollections = {
  lrsStatements: defineCollection(LrsStatement, ['status', 'userId']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends LrsCollections {}
}
type LrsCollections = typeof lrsCollections;
