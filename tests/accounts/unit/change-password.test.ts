import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WeakPasswordError, WrongPasswordError } from '../../../server/accounts/errors.ts';
import { hashSecret } from '../../../server/accounts/hash-secret.ts';
import { LoginThrottle } from '../../../server/accounts/login-throttle.ts';
import { verifyPassword } from '../../../server/accounts/password.ts';
import type { User } from '../../../server/accounts/schema.ts';
import { changePassword } from '../../../server/accounts/use-cases/change-password.ts';
import { openUseCaseStore, strongPassword, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
let jean: Readonly<User>;
beforeEach(async () => {
  s = await openUseCaseStore();
  jean = await s.person('learner', {
    name: 'Jean Moulin',
    email: 'jean@exemple.org',
    password: 'un ancien mot de passe',
  });
});
afterEach(() => s.close());

const input = (fields: { current?: string; password?: string; sessionId?: string }) => ({
  userId: jean.id,
  sessionId: fields.sessionId ?? 'this-session',
  current: fields.current ?? 'un ancien mot de passe',
  password: fields.password ?? strongPassword,
  client: '198.51.100.4',
});

describe('changePassword', () => {
  it('sets the new password, ends the other sessions, keeps this one and records it, in one transaction', async () => {
    await s.signIn(jean.id);
    await s.signIn(jean.id);
    const [kept] = await s.store.findBy('sessions', 'userId', jean.id);
    const transact = vi.spyOn(s.store, 'transact');
    const changed = await changePassword(input({ sessionId: kept!.id }), s, new LoginThrottle());
    expect(transact).toHaveBeenCalledTimes(1);
    expect(await verifyPassword(changed.passwordHash, strongPassword)).toBe(true);
    expect((await s.store.findBy('sessions', 'userId', jean.id)).map((r) => r.id)).toEqual([kept!.id]);
    expect(await s.audit()).toMatchObject([{ actorId: jean.id, action: 'user.password_changed', target: jean.id }]);
  });

  it('refuses a wrong current password and counts it against this client', async () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) {
      await expect(changePassword(input({ current: 'faux' }), s, throttle)).rejects.toThrow(WrongPasswordError);
    }
    expect(await throttle.waitMs('jean@exemple.org', '198.51.100.4', s.clock().getTime())).toBe(15_000);
    expect(await verifyPassword((await s.store.get('users', jean.id))!.passwordHash, strongPassword)).toBe(false);
  });

  it('refuses a new password containing the person’s name', async () => {
    await expect(changePassword(input({ password: 'jean moulin 1940' }), s, new LoginThrottle())).rejects.toThrow(
      WeakPasswordError,
    );
  });

  it('never keeps a session that is not the one asking', async () => {
    await s.signIn(jean.id);
    await changePassword(input({ sessionId: hashSecret('someone else') }), s, new LoginThrottle());
    expect(await s.store.findBy('sessions', 'userId', jean.id)).toEqual([]);
  });
});
