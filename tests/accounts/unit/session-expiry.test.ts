import { describe, expect, it } from 'vitest';
import { sessionExpired, sessionLimits } from '../../../server/accounts/session-expiry.ts';

const limits = sessionLimits({ sessionIdleMinutes: 120, sessionMaxHours: 12 });
const signedInAt = '2026-11-23T08:00:00.000Z';
const session = (lastSeenAt: string) => ({ id: 's', userId: 'u', createdAt: signedInAt, lastSeenAt });

describe('sessionExpired', () => {
  it('keeps a session used within the idle time', () => {
    expect(sessionExpired(session('2026-11-23T09:00:00Z'), new Date('2026-11-23T11:00:00Z'), limits)).toBe(false);
  });

  it('ends a session left idle longer than the idle time', () => {
    expect(sessionExpired(session('2026-11-23T09:00:00Z'), new Date('2026-11-23T11:00:01Z'), limits)).toBe(true);
  });

  it('ends a session 12 hours after sign-in, however recently it was used', () => {
    const busy = session('2026-11-23T19:59:00Z');
    expect(sessionExpired(busy, new Date('2026-11-23T19:59:59Z'), limits)).toBe(false);
    expect(sessionExpired(busy, new Date('2026-11-23T20:00:00Z'), limits)).toBe(true);
  });
});
