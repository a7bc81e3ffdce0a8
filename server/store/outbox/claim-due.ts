import type { AppStore } from '../app-collections.ts';
import { type OutboxName, type OutboxRowOf, putOutboxRow, rowsWithStatus } from './outbox-collection.ts';

export interface Claim {
  /** Which worker claims (one id per worker, so it recognises its own leases). */
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

const at = (iso: string) => Date.parse(iso);

/**
 * Takes up to `limit` rows of an outbox due for delivery, in one serialisable transaction: queued ones
 * whose back-off has passed, and ones whose worker's lease ran out (a crash, a kill -9). Each is marked
 * `sending` with this worker's lease and one more attempt, so no other worker delivers it while the
 * lease holds (decision 010). Returns the claimed rows as written, oldest first.
 */
export async function claimDue<K extends OutboxName>(
  store: AppStore,
  coll: K,
  claim: Claim,
): Promise<OutboxRowOf<K>[]> {
  const now = claim.now.getTime();
  return store.transact(async (tx) => {
    const queued = (await rowsWithStatus(tx, coll, 'queued')).filter((row) => at(row.notBefore) <= now);
    const abandoned = (await rowsWithStatus(tx, coll, 'sending')).filter(
      (row) => row.leaseUntil !== null && at(row.leaseUntil) <= now,
    );
    const due = [...abandoned, ...queued]
      .sort((a, b) => at(a.notBefore) - at(b.notBefore) || a.createdAt.localeCompare(b.createdAt))
      .slice(0, claim.limit);
    const nowIso = claim.now.toISOString();
    return due.map((row) =>
      putOutboxRow(tx, coll, {
        ...row,
        status: 'sending',
        attempts: row.attempts + 1,
        leaseOwner: claim.owner,
        leaseUntil: new Date(now + claim.leaseMs).toISOString(),
        updatedAt: nowIso,
      }),
    );
  });
}
