import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SelfDeactivationError, UserNotFoundError } from '../../../server/accounts/errors.ts';
import type { User } from '../../../server/accounts/schema.ts';
import { setAccountActive } from '../../../server/accounts/use-cases/set-account-active.ts';
import { openUseCaseStore, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
let admin: Readonly<User>;
beforeEach(async () => {
  s = await openUseCaseStore();
  admin = await s.person('admin');
});
afterEach(() => s.close());

describe('setAccountActive', () => {
  it('deactivates the account and ends its sessions with the audit entry, in one transaction', async () => {
    const learner = await s.person('learner');
    await s.signIn(learner.id);
    const transact = vi.spyOn(s.store, 'transact');
    const changed = await setAccountActive({ actorId: admin.id, userId: learner.id, active: false }, s);
    expect(transact).toHaveBeenCalledTimes(1);
    expect(changed.active).toBe(false);
    expect(await s.store.findBy('sessions', 'userId', learner.id)).toEqual([]);
    expect(await s.audit()).toMatchObject([{ actorId: admin.id, action: 'user.deactivated', target: learner.id }]);
  });

  it('reactivates an account, and records nothing when the account is already in that state', async () => {
    const learner = await s.person('learner', { active: false });
    expect((await setAccountActive({ actorId: admin.id, userId: learner.id, active: true }, s)).active).toBe(true);
    await setAccountActive({ actorId: admin.id, userId: learner.id, active: true }, s);
    expect((await s.audit()).map((e) => e.action)).toEqual(['user.activated']);
  });

  it('refuses to let an administrator deactivate their own account', async () => {
    await expect(setAccountActive({ actorId: admin.id, userId: admin.id, active: false }, s)).rejects.toThrow(
      SelfDeactivationError,
    );
    expect((await s.store.get('users', admin.id))?.active).toBe(true);
  });

  it('refuses an unknown person', async () => {
    await expect(setAccountActive({ actorId: admin.id, userId: 'nobody', active: false }, s)).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
