import type { UseCaseDeps } from '../account-deps.ts';
import { expiredOidcSignIns, expiredSessions, findSession } from '../queries.ts';
import { type SessionLimits, sessionExpired } from '../session-expiry.ts';

/** Removes every session past its idle time or maximum lifetime, and unfinished single sign-ons; returns how many sessions. */
export async function purgeExpiredSessions({ store, clock }: UseCaseDeps, limits: SessionLimits): Promise<number> {
  const expired = await expiredSessions(store, clock(), limits);
  const abandoned = await expiredOidcSignIns(store, clock());
  if (expired.length === 0 && abandoned.length === 0) return 0;
  return store.transact(async (tx) => {
    // A pending sign-in only ever expires: no need to read it again.
    for (const id of abandoned) tx.delete('oidcSignIns', id);
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
