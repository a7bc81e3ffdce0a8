import type { RequestHandler, Response } from 'express';
import { cookieName, readCookie } from '../http/csrf.ts';
import { grantsOf } from '../structures/queries.ts';
import { rootCode } from '../structures/schema.ts';
import type { AccountDeps } from './account-deps.ts';
import { hashSecret } from './hash-secret.ts';
import { findSession, findUser } from './queries.ts';
import type { Session, User } from './schema.ts';
import { sessionExpired, sessionLimits } from './session-expiry.ts';
import { deleteSessionsOf, putSession } from './sessions.ts';
import { purgeExpiredSessions } from './use-cases/purge-expired-sessions.ts';

const sessionCookieName = (config: AccountDeps['config']) => cookieName('pas_session', config.secure);

/**
 * Sessions are touched at most once a minute, so reading pages does not cost a durable write each
 * time, while the idle time still counts from the last request to the minute.
 */
const touchEveryMs = 60_000;
const sweepEveryMs = 15 * 60_000;

/** Loads the signed-in user from the session cookie; expired sessions and deactivated accounts are dropped. */
export function loadSession({ store, config, clock }: AccountDeps): RequestHandler {
  const limits = sessionLimits(config);
  const sessionCookie = sessionCookieName(config);
  let lastSweep = Number.NEGATIVE_INFINITY;
  return async (req, res, next) => {
    const now = clock();
    // Sessions nobody comes back to are removed by a sweep every few minutes, so rows do not pile up.
    if (now.getTime() - lastSweep >= sweepEveryMs) {
      lastSweep = now.getTime();
      await purgeExpiredSessions({ store, clock }, limits);
    }
    const raw = readCookie(req.headers.cookie, sessionCookie);
    if (!raw) return next();
    const id = hashSecret(raw);
    const session = await findSession(store, id);
    const user = session ? await findUser(store, session.userId) : undefined;
    if (!session || !user?.active || sessionExpired(session, now, limits)) {
      if (session) await store.transact((tx) => tx.delete('sessions', id));
      clearSessionCookie(res, config);
      return next();
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) > touchEveryMs) {
      await store.transact((tx) => {
        tx.put('sessions', { ...session, lastSeenAt: now.toISOString() });
      });
    }
    res.locals.user = user;
    await loadRoles(res, store, user);
    res.locals.sessionId = id;
    res.locals.sessionMethod = session.method ?? 'password';
    next();
  };
}

/** Starts a fresh session (a new id at every sign-in, so a planted cookie is never promoted). */
export async function startSession(
  res: Response,
  { store, config, clock }: AccountDeps,
  user: Readonly<User>,
  previousId?: string,
  method: NonNullable<Session['method']> = 'password',
): Promise<void> {
  const raw = await store.transact((tx) => {
    if (previousId) tx.delete('sessions', previousId);
    return putSession(tx, user.id, clock(), sessionLimits(config), method);
  });
  res.cookie(sessionCookieName(config), raw, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secure,
    path: '/',
  });
  res.locals.sessionId = hashSecret(raw);
  res.locals.sessionMethod = method;
  res.locals.user = user;
  await loadRoles(res, store, user);
}

/** The person's grants, read once per request for the guards and the navigation. */
async function loadRoles(res: Response, store: AccountDeps['store'], user: Readonly<User>): Promise<void> {
  const grants = await grantsOf(store, user.id);
  res.locals.roles = new Set([user.role, ...grants.map((grant) => grant.role)]);
  res.locals.networkRoles = new Set([
    user.role,
    ...grants.filter((grant) => grant.structureId === rootCode).map((grant) => grant.role),
  ]);
}

export async function endSession(res: Response, { store, config }: AccountDeps): Promise<void> {
  const id = res.locals.sessionId;
  if (id) await store.transact((tx) => tx.delete('sessions', id));
  clearSessionCookie(res, config);
}

/** Ends every session of the signed-in person, on every device, this one included. */
export async function endEverySession(res: Response, { store, config }: AccountDeps): Promise<void> {
  const user = res.locals.user;
  if (user) await store.transact((tx) => deleteSessionsOf(tx, user.id));
  clearSessionCookie(res, config);
}

function clearSessionCookie(res: Response, config: AccountDeps['config']): void {
  res.clearCookie(sessionCookieName(config), { path: '/', secure: config.secure });
}
