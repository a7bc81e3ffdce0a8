import type { MailConfig } from '../config.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { Email } from './schema.ts';

export type DeliveryOutcome = { ok: true } | { ok: false; error: string; permanent: boolean };

const maxDelayMs = 6 * 3_600_000;

/** The wait before attempt n + 1 after n failed attempts: retrySeconds, then doubling, capped at 6 hours. */
export function retryDelayMs(failedAttempts: number, retrySeconds: number): number {
  return Math.min(maxDelayMs, retrySeconds * 1000 * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * Writes what happened to a claimed message, if this worker still holds its lease (a worker that lost
 * it — it was too slow and another took over — leaves the row to the new holder). Sent: the body is
 * emptied (it may hold a one-time link). Failed: back to the queue with back-off, or `failed` after the
 * last attempt or at a permanent refusal (a 5xx answer: retrying would get the same).
 */
export async function recordDelivery(
  store: AppStore,
  claimed: Readonly<Email>,
  outcome: DeliveryOutcome,
  options: { now: Date; mail: Pick<MailConfig, 'maxAttempts' | 'retrySeconds'> },
): Promise<void> {
  const { now, mail } = options;
  await store.transact(async (tx) => {
    const current = await tx.get('emails', claimed.id);
    if (
      current?.status !== 'sending' ||
      current.leaseOwner !== claimed.leaseOwner ||
      current.attempts !== claimed.attempts
    )
      return;
    const released = { ...current, leaseOwner: null, leaseUntil: null, updatedAt: now.toISOString() };
    if (outcome.ok) {
      tx.put('emails', { ...released, status: 'sent', text: '', html: '', lastError: null, sentAt: now.toISOString() });
      return;
    }
    const lastError = outcome.error.slice(0, 500);
    if (outcome.permanent || current.attempts >= mail.maxAttempts) {
      tx.put('emails', { ...released, status: 'failed', lastError });
      return;
    }
    const notBefore = new Date(now.getTime() + retryDelayMs(current.attempts, mail.retrySeconds)).toISOString();
    tx.put('emails', { ...released, status: 'queued', notBefore, lastError });
  });
}
