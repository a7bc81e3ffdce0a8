// Session rows: created at sign-in, removed at sign-out, deactivation or a new password. The cookie
// side (reading and setting it) is in session-cookie.ts.
import { randomBytes } from 'node:crypto';
import type { AppTx } from '../store/app-collections.ts';
import { hashSecret } from './hash-secret.ts';
import { sessionsOf } from './queries.ts';
import type { Session } from './schema.ts';
import { type SessionLimits, sessionExpired } from './session-expiry.ts';

/**
 * Creates a session for the person inside the caller's transaction and drops their expired ones; returns
 * the cookie value (only its hash is kept).
 */
export async function putSession(
  tx: AppTx,
  userId: string,
  now: Date,
  limits: SessionLimits,
  method: NonNullable<Session['method']> = 'password',
): Promise<string> {
  for (const session of await sessionsOf(tx, userId)) {
    if (sessionExpired(session, now, limits)) tx.delete('sessions', session.id);
  }
  const raw = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  tx.put('sessions', { id: hashSecret(raw), userId, createdAt: at, lastSeenAt: at, method });
  return raw;
}

/** Signs the person out everywhere, or everywhere but `keepId` (the session that asked). */
export async function deleteSessionsOf(tx: AppTx, userId: string, keepId?: string): Promise<void> {
  for (const session of await sessionsOf(tx, userId)) if (session.id !== keepId) tx.delete('sessions', session.id);
}
