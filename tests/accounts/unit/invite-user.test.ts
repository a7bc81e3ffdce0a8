import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmailTakenError } from '../../../server/accounts/errors.ts';
import { findPasswordLink } from '../../../server/accounts/queries.ts';
import { inviteUser } from '../../../server/accounts/use-cases/invite-user.ts';
import { openUseCaseStore, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
beforeEach(async () => {
  s = await openUseCaseStore();
});
afterEach(() => s.close());

const jean = {
  name: 'Jean Moulin',
  email: 'jean@exemple.org',
  structure: 'foyer-sud',
  matricule: 'B42',
  role: 'trainer' as const,
};

describe('inviteUser', () => {
  it('creates the account without a password, a 7-day invitation link and an audit entry', async () => {
    const { user, token, expiresAt } = await inviteUser(jean, 'admin-1', s);
    expect(user).toMatchObject({ ...jean, passwordHash: null, active: true });
    expect(expiresAt.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect((await findPasswordLink(s.store, 'invitation', token, s.clock()))?.user.id).toBe(user.id);
    expect(await s.audit()).toMatchObject([
      { actorId: 'admin-1', action: 'user.invited', target: user.id, details: { role: 'trainer' } },
    ]);
  });

  it('records a command-line invitation without an actor', async () => {
    await inviteUser(jean, null, s);
    expect(await s.audit()).toMatchObject([{ actorId: null, action: 'user.invited' }]);
  });

  it('refuses an email that already has an account and writes nothing', async () => {
    await s.person('learner', { email: 'jean@exemple.org' });
    await expect(inviteUser(jean, 'admin-1', s)).rejects.toThrow(EmailTakenError);
    expect(await s.store.count('users')).toBe(1);
    expect(await s.store.count('tokens')).toBe(0);
    expect(await s.audit()).toEqual([]);
  });
});
