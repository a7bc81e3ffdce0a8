import { randomUUID } from 'node:crypto';
import type { AppTx } from '../store/app-collections.ts';
import { freshOutboxFields } from '../store/outbox/outbox-fields.ts';
import type { EmailContent } from './compose-email.ts';
import type { Email } from './schema.ts';

/**
 * Puts a message in the outbox inside the caller's transaction: it exists exactly when the change that
 * causes it does, and the mail worker sends it after the commit (decision 010).
 */
export function enqueueEmail(
  tx: AppTx,
  message: EmailContent & { kind: Email['kind']; to: string; userId: string | null },
  now: Date,
): Readonly<Email> {
  return tx.put('emails', {
    id: randomUUID(),
    kind: message.kind,
    userId: message.userId,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...freshOutboxFields(now),
  });
}
