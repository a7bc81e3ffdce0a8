import type { UseCaseDeps } from '../account-deps.ts';
import { expiredSessions, findSession } from '../queries.ts';
import { type SessionLimits, sessionExpired } from '../session-expiry.ts';

/** Removes every session past its idle time or maximum lifetime; returns how many. */
export async function purgeExpiredSessions({ store, clock }: UseCaseDeps, limits: SessionLimits): Promise<number> {
  const expired = await expiredSessions(store, clock(), limits);
  if (expired.length === 0) return 0;
  return store.transact(async (tx) => {
    let removed = 0;
    for (const { id } of expired) {
      // Checked again: a session can have been used, and touched, since it was listed.
      const session = await findSession(tx, id);
      if (session && sessionExpired(session, clock(), limits)) {
        tx.delete('sessions', id);
        removed += 1;
      }
    }
    return removed;
  });
}
