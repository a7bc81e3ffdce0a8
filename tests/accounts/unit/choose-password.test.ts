import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenInvalidError, WeakPasswordError } from '../../../server/accounts/errors.ts';
import { issueToken } from '../../../server/accounts/one-time-tokens.ts';
import { verifyPassword } from '../../../server/accounts/password.ts';
import type { User } from '../../../server/accounts/schema.ts';
import { choosePassword } from '../../../server/accounts/use-cases/choose-password.ts';
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

const link = (kind: 'invitation' | 'reset') =>
  issueToken(s.store, { kind, userId: jean.id, createdBy: null }, s.clock());

describe('choosePassword', () => {
  it('sets the password, uses the link up and ends every session of the person, in one transaction', async () => {
    await s.signIn(jean.id);
    await s.signIn(jean.id);
    const rawToken = await link('reset');
    const transact = vi.spyOn(s.store, 'transact');
    const updated = await choosePassword({ kind: 'reset', rawToken, password: strongPassword }, s);
    expect(transact).toHaveBeenCalledTimes(1);
    expect(await verifyPassword(updated.passwordHash, strongPassword)).toBe(true);
    expect(await s.store.findBy('sessions', 'userId', jean.id)).toEqual([]);
    const [token] = await s.store.findBy('tokens', 'userId', jean.id);
    expect(token?.usedAt).toBe(s.clock().toISOString());
  });

  it('accepts the link once when it is sent twice at once', async () => {
    const rawToken = await link('invitation');
    const results = await Promise.allSettled([
      choosePassword({ kind: 'invitation', rawToken, password: strongPassword }, s),
      choosePassword({ kind: 'invitation', rawToken, password: 'une autre phrase de passe' }, s),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(TokenInvalidError) });
  });

  it('refuses a link of another kind, an expired link and the link of a deactivated account', async () => {
    const reset = await link('reset');
    await expect(choosePassword({ kind: 'invitation', rawToken: reset, password: strongPassword }, s)).rejects.toThrow(
      TokenInvalidError,
    );
    s.advance(3 * 86_400_000);
    await expect(choosePassword({ kind: 'reset', rawToken: reset, password: strongPassword }, s)).rejects.toThrow(
      TokenInvalidError,
    );
    const fresh = await link('reset');
    await s.store.transact((tx) => tx.put('users', { ...jean, active: false }));
    await expect(choosePassword({ kind: 'reset', rawToken: fresh, password: strongPassword }, s)).rejects.toThrow(
      TokenInvalidError,
    );
  });

  it('refuses a password containing the person’s name and keeps the link', async () => {
    const rawToken = await link('reset');
    await expect(choosePassword({ kind: 'reset', rawToken, password: 'jean à la plage 1940' }, s)).rejects.toThrow(
      WeakPasswordError,
    );
    expect((await s.store.findBy('tokens', 'userId', jean.id))[0]?.usedAt).toBeNull();
  });
});
