import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionLimits } from '../../../server/accounts/session-expiry.ts';
import { purgeExpiredSessions } from '../../../server/accounts/use-cases/purge-expired-sessions.ts';
import { openUseCaseStore, testLimits, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
beforeEach(async () => {
  s = await openUseCaseStore();
});
afterEach(() => s.close());

describe('purgeExpiredSessions', () => {
  it('removes the sessions past their idle time and keeps the others', async () => {
    const old = await s.person();
    await s.signIn(old.id);
    await s.signIn(old.id);
    s.advance(3 * 60 * 60_000);
    const recent = await s.person();
    await s.signIn(recent.id);
    expect(await purgeExpiredSessions(s, sessionLimits(testLimits))).toBe(2);
    expect(await s.store.findBy('sessions', 'userId', old.id)).toEqual([]);
    expect(await s.store.findBy('sessions', 'userId', recent.id)).toHaveLength(1);
    expect(await purgeExpiredSessions(s, sessionLimits(testLimits))).toBe(0);
  });

  it('drops a person’s expired sessions when they sign in again', async () => {
    const person = await s.person();
    await s.signIn(person.id);
    s.advance(13 * 60 * 60_000);
    await s.signIn(person.id);
    expect(await s.store.findBy('sessions', 'userId', person.id)).toHaveLength(1);
  });

  it('removes sign-in steps never finished and remembered devices, once past their time', async () => {
    const pending = (id: string, minutes: number) => ({
      id,
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      next: '/me',
      expiresAt: new Date(s.clock().getTime() + minutes * 60_000).toISOString(),
    });
    const at = (minutes: number) => new Date(s.clock().getTime() + minutes * 60_000).toISOString();
    await s.store.transact((tx) => {
      tx.put('oidcSignIns', pending('abandoned', 10));
      tx.put('oidcSignIns', pending('later', 30));
      tx.put('mfaChallenges', { id: 'step', userId: 'u', next: '/me', expiresAt: at(10) });
      tx.put('rememberedDevices', { id: 'old', userId: 'u', createdAt: at(0), expiresAt: at(5) });
      tx.put('rememberedDevices', { id: 'kept', userId: 'u', createdAt: at(0), expiresAt: at(60) });
    });
    s.advance(11 * 60_000);
    await purgeExpiredSessions(s, sessionLimits(testLimits));
    expect(await s.store.get('oidcSignIns', 'abandoned')).toBeUndefined();
    expect(await s.store.get('oidcSignIns', 'later')).toBeDefined();
    expect(await s.store.get('mfaChallenges', 'step')).toBeUndefined();
    expect(await s.store.get('rememberedDevices', 'old')).toBeUndefined();
    expect(await s.store.get('rememberedDevices', 'kept')).toBeDefined();
  });
});
