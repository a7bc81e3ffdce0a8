import type { UseCaseDeps } from '../account-deps.ts';
import { expiredRows, expiredSessions, findSession } from '../queries.ts';
import { type SessionLimits, sessionExpired } from '../session-expiry.ts';

/** Removes every session past its idle time or maximum lifetime, and the sign-in steps and remembered devices past their time; returns how many sessions. */
export async function purgeExpiredSessions({ store, clock }: UseCaseDeps, limits: SessionLimits): Promise<number> {
  const expired = await expiredSessions(store, clock(), limits);
  const kinds = ['oidcSignIns', 'mfaChallenges', 'rememberedDevices'] as const;
  const abandoned = await Promise.all(kinds.map((coll) => expiredRows(store, coll, clock())));
  if (expired.length === 0 && abandoned.every((ids) => ids.length === 0)) return 0;
  return store.transact(async (tx) => {
    // These rows only ever expire (they are never extended): no need to read them again.
    kinds.forEach((coll, i) => {
      for (const id of abandoned[i]!) tx.delete(coll, id);
    });
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
