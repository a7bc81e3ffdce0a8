import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Config } from '../config.ts';
import { readCookie } from '../http/csrf.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { User } from './schema.ts';

export const sessionCookie = 'pas_session';
/** Sessions are touched at most this often, so reading pages does not cost a durable write each time. */
const touchEveryMs = 5 * 60 * 1000;

const hashId = (value: string) => createHash('sha256').update(value).digest('base64url');

export interface SessionDeps {
  store: AppStore;
  config: Config;
  clock: Clock;
}

/** Loads the signed-in user from the session cookie; expired sessions and deactivated accounts are dropped. */
export function loadSession({ store, config, clock }: SessionDeps): RequestHandler {
  const idleMs = config.sessionIdleMinutes * 60 * 1000;
  return async (req, res, next) => {
    const raw = readCookie(req.headers.cookie, sessionCookie);
    if (!raw) return next();
    const id = hashId(raw);
    const session = await store.get('sessions', id);
    const now = clock();
    const user = session ? await store.get('users', session.userId) : undefined;
    if (!session || !user?.active || now.getTime() - Date.parse(session.lastSeenAt) > idleMs) {
      if (session) await store.transact((tx) => tx.delete('sessions', id));
      res.clearCookie(sessionCookie, { path: '/' });
      return next();
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) > touchEveryMs) {
      await store.transact((tx) => {
        tx.put('sessions', { ...session, lastSeenAt: now.toISOString() });
      });
    }
    res.locals.user = user;
    res.locals.sessionId = id;
    next();
  };
}

/** Starts a fresh session (a new id at every sign-in, so a planted cookie is never promoted). */
export async function startSession(
  res: Response,
  deps: SessionDeps,
  user: Readonly<User>,
  previousId?: string,
): Promise<void> {
  const raw = randomBytes(32).toString('base64url');
  const now = deps.clock().toISOString();
  await deps.store.transact((tx) => {
    if (previousId) tx.delete('sessions', previousId);
    tx.put('sessions', { id: hashId(raw), userId: user.id, createdAt: now, lastSeenAt: now });
  });
  res.cookie(sessionCookie, raw, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secure,
    path: '/',
  });
  res.locals.sessionId = hashId(raw);
  res.locals.user = user;
}

export async function endSession(res: Response, store: AppStore): Promise<void> {
  const id = res.locals.sessionId;
  if (id) await store.transact((tx) => tx.delete('sessions', id));
  res.clearCookie(sessionCookie, { path: '/' });
}

/** Signs a user out everywhere (deactivation, password reset). */
export async function endAllSessions(store: AppStore, userId: string): Promise<void> {
  const sessions = await store.findBy('sessions', 'userId', userId);
  if (sessions.length === 0) return;
  await store.transact((tx) => {
    for (const s of sessions) tx.delete('sessions', s.id);
  });
}
