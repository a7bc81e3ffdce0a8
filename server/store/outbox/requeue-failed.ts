import type { AppTx } from '../app-collections.ts';
import { type OutboxName, type OutboxRowOf, putOutboxRow } from './outbox-collection.ts';

/**
 * « Renvoyer »: a failed row goes back to the queue with its attempts counted from zero. Returns the row
 * as it was, or undefined (nothing written) when there is no such row or it has not failed; the caller
 * says which error that is and records the audit entry in the same transaction.
 */
export async function requeueFailed<K extends OutboxName>(
  tx: AppTx,
  coll: K,
  id: string,
  now: Date,
): Promise<{ found: OutboxRowOf<K> | undefined; requeued: boolean }> {
  const found = (await tx.get(coll, id)) as OutboxRowOf<K> | undefined;
  if (found?.status !== 'failed') return { found, requeued: false };
  putOutboxRow(tx, coll, {
    ...found,
    status: 'queued',
    attempts: 0,
    notBefore: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  return { found, requeued: true };
}
