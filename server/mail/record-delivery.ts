import type { MailConfig } from '../config.ts';
import type { AppStore } from '../store/app-collections.ts';
import { recordOutcomes } from '../store/outbox/record-outcomes.ts';
import type { Email } from './schema.ts';

export { retryDelayMs } from '../store/outbox/record-outcomes.ts';

export type DeliveryOutcome = { ok: true } | { ok: false; error: string; permanent: boolean };

/**
 * Writes what happened to a claimed message, if this worker still holds its lease. Sent: the body is
 * emptied (it may hold a one-time link). Failed: back to the queue with back-off, or `failed` after the
 * last attempt or at a permanent refusal (a 5xx answer to the recipient: retrying would get the same).
 */
export async function recordDelivery(
  store: AppStore,
  claimed: Readonly<Email>,
  outcome: DeliveryOutcome,
  options: { now: Date; mail: Pick<MailConfig, 'maxAttempts' | 'retrySeconds'> },
): Promise<void> {
  await recordOutcomes(
    store,
    'emails',
    [{ claimed, outcome: outcome.ok ? { ok: true, sentFields: { text: '', html: '' } } : outcome }],
    { now: options.now, retry: options.mail },
  );
}
