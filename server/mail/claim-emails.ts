import type { AppStore } from '../store/app-collections.ts';
import type { Email } from './schema.ts';

export interface Claim {
  /** Which worker claims (one id per worker, so it recognises its own leases). */
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

const at = (iso: string) => Date.parse(iso);

/**
 * Takes up to `limit` messages due for sending, in one serialisable transaction: queued ones whose
 * back-off has passed, and ones whose sender's lease ran out (a crash, a kill -9). Each is marked
 * `sending` with this worker's lease and one more attempt, so no other worker sends it while the lease
 * holds (decision 010). Returns the claimed rows as written.
 */
export async function claimDueEmails(store: AppStore, claim: Claim): Promise<Readonly<Email>[]> {
  const now = claim.now.getTime();
  return store.transact(async (tx) => {
    const queued = (await tx.findBy('emails', 'status', 'queued')).filter((e) => at(e.notBefore) <= now);
    const abandoned = (await tx.findBy('emails', 'status', 'sending')).filter(
      (e) => e.leaseUntil !== null && at(e.leaseUntil) <= now,
    );
    const due = [...abandoned, ...queued]
      .sort((a, b) => at(a.notBefore) - at(b.notBefore) || a.createdAt.localeCompare(b.createdAt))
      .slice(0, claim.limit);
    const nowIso = claim.now.toISOString();
    return due.map((email) =>
      tx.put('emails', {
        ...email,
        status: 'sending',
        attempts: email.attempts + 1,
        leaseOwner: claim.owner,
        leaseUntil: new Date(now + claim.leaseMs).toISOString(),
        updatedAt: nowIso,
      }),
    );
  });
}
