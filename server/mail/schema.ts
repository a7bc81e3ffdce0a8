// The durable outbox: every e-mail Passerelle sends is first a row here, written in the same transaction
// as the change that causes it, then sent by the mail worker (decision 010).
import { z } from 'zod';
import { outboxFields, outboxStatuses } from '../store/outbox/outbox-fields.ts';
import { defineCollection } from '../store/store.ts';

export const emailKinds = ['invitation', 'reset', 'certificate', 'reminder', 'digest', 'commitment'] as const;
export const emailStatuses = outboxStatuses;
export type EmailStatus = (typeof emailStatuses)[number];

export const Email = z.strictObject({
  id: z.string(),
  kind: z.enum(emailKinds),
  /** The account it is for, when there is one (kept to find a person's messages, not shown in logs). */
  userId: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  /** Emptied once sent: an invitation's body holds a one-time link that must not outlive its delivery. */
  text: z.string(),
  html: z.string(),
  /** State, attempts, back-off and lease: the outbox fields shared with the xAPI forwarder. */
  ...outboxFields,
});
export type Email = z.infer<typeof Email>;

export const mailCollections = {
  emails: defineCollection(Email, ['status', 'userId']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends MailCollections {}
}
type MailCollections = typeof mailCollections;
