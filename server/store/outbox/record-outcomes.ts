import type { AppStore } from '../app-collections.ts';
import { type OutboxName, type OutboxRowOf, putOutboxRow } from './outbox-collection.ts';
import type { OutboxRow } from './outbox-fields.ts';

/**
 * What happened to one claimed row. Delivered: `sentFields` are written with the `sent` state (a body
 * emptied, a remark for the administrator). Not delivered: retried with back-off unless `permanent`.
 */
export type OutboxOutcome =
  | { ok: true; sentFields?: Record<string, unknown> }
  | { ok: false; error: string; permanent: boolean };

export interface RetryPolicy {
  /** A row is marked failed after this many attempts. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles at each failure (capped at six hours). */
  retrySeconds: number;
}

const maxDelayMs = 6 * 3_600_000;

/** The wait before attempt n + 1 after n failed attempts: retrySeconds, then doubling, capped at 6 hours. */
export function retryDelayMs(failedAttempts: number, retrySeconds: number): number {
  return Math.min(maxDelayMs, retrySeconds * 1000 * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * Writes the outcomes of claimed rows in one transaction, each only if this worker still holds its
 * lease (a worker that lost it — it was too slow and another took over — leaves the row to the new
 * holder). Delivered: `sent`. Not delivered: back to the queue with back-off, or `failed` after the last
 * attempt or at a permanent refusal (retrying would get the same answer).
 */
export async function recordOutcomes<K extends OutboxName>(
  store: AppStore,
  coll: K,
  results: readonly { claimed: Readonly<OutboxRow>; outcome: OutboxOutcome }[],
  options: { now: Date; retry: RetryPolicy },
): Promise<void> {
  const { now, retry } = options;
  const nowIso = now.toISOString();
  await store.transact(async (tx) => {
    for (const { claimed, outcome } of results) {
      const current = (await tx.get(coll, claimed.id)) as OutboxRowOf<K> | undefined;
      if (
        current?.status !== 'sending' ||
        current.leaseOwner !== claimed.leaseOwner ||
        current.attempts !== claimed.attempts
      )
        continue;
      const released = { ...current, leaseOwner: null, leaseUntil: null, updatedAt: nowIso };
      if (outcome.ok) {
        putOutboxRow(tx, coll, { ...released, status: 'sent', lastError: null, sentAt: nowIso, ...outcome.sentFields });
        continue;
      }
      const lastError = outcome.error.slice(0, 500);
      if (outcome.permanent || current.attempts >= retry.maxAttempts) {
        putOutboxRow(tx, coll, { ...released, status: 'failed', lastError });
        continue;
      }
      const notBefore = new Date(now.getTime() + retryDelayMs(current.attempts, retry.retrySeconds)).toISOString();
      putOutboxRow(tx, coll, { ...released, status: 'queued', notBefore, lastError });
    }
  });
}
