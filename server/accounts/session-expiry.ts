import type { Config } from '../config.ts';
import type { Session } from './schema.ts';

/** How long a session lives: `idleMs` after its last request, and never more than `maxMs` after sign-in. */
export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export function sessionLimits(config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'>): SessionLimits {
  return { idleMs: config.sessionIdleMinutes * 60_000, maxMs: config.sessionMaxHours * 3_600_000 };
}

export function sessionExpired(session: Readonly<Session>, now: Date, limits: SessionLimits): boolean {
  const at = now.getTime();
  return at - Date.parse(session.lastSeenAt) > limits.idleMs || at - Date.parse(session.createdAt) >= limits.maxMs;
}
