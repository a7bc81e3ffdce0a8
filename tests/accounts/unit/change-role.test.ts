import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LastAdminError, UserNotFoundError } from '../../../server/accounts/errors.ts';
import { changeRole } from '../../../server/accounts/use-cases/change-role.ts';
import { openUseCaseStore, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
beforeEach(async () => {
  s = await openUseCaseStore();
});
afterEach(() => s.close());

describe('changeRole', () => {
  it('gives the new role and records who changed it, from what to what', async () => {
    const admin = await s.person('admin');
    const learner = await s.person('learner');
    const changed = await changeRole({ actorId: admin.id, userId: learner.id, role: 'hr' }, s);
    expect(changed.role).toBe('hr');
    expect(await s.audit()).toMatchObject([
      { actorId: admin.id, action: 'user.role_changed', target: learner.id, details: { from: 'learner', to: 'hr' } },
    ]);
  });

  it('records nothing when the role does not change', async () => {
    const admin = await s.person('admin');
    await changeRole({ actorId: admin.id, userId: admin.id, role: 'admin' }, s);
    expect(await s.audit()).toEqual([]);
  });

  it('keeps the admin role of the last active administrator, even when a deactivated one remains', async () => {
    const admin = await s.person('admin', { name: 'Alice Admin' });
    await s.person('admin', { active: false });
    await expect(changeRole({ actorId: admin.id, userId: admin.id, role: 'learner' }, s)).rejects.toThrow(
      LastAdminError,
    );
    await expect(changeRole({ actorId: admin.id, userId: admin.id, role: 'learner' }, s)).rejects.toMatchObject({
      params: { name: 'Alice Admin' },
    });
    const second = await s.person('admin');
    expect((await changeRole({ actorId: second.id, userId: admin.id, role: 'learner' }, s)).role).toBe('learner');
  });

  it('lets a deactivated administrator lose the role', async () => {
    const admin = await s.person('admin');
    const former = await s.person('admin', { active: false });
    expect((await changeRole({ actorId: admin.id, userId: former.id, role: 'learner' }, s)).role).toBe('learner');
  });

  it('refuses an unknown person', async () => {
    await expect(changeRole({ actorId: 'a', userId: 'nobody', role: 'hr' }, s)).rejects.toThrow(UserNotFoundError);
  });
});
