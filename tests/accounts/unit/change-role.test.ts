import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LastAdminError, UserNotFoundError } from '../../../server/accounts/errors.ts';
import { hasActiveAdmin } from '../../../server/accounts/queries.ts';
import { changeRole } from '../../../server/accounts/use-cases/change-role.ts';
import { LastNetworkAdminError } from '../../../server/structures/errors.ts';
import { grantRole, revokeGrant } from '../../../server/structures/use-cases/grant-role.ts';
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

describe('an admin grant on the root counts as an administrator of the whole network', () => {
  const onRoot = (userId: string) =>
    grantRole(s.store, { userId, role: 'admin', structure: 'reseau' }, null, s.clock());

  it('lets the last administrator by role go when someone holds the admin grant on the root', async () => {
    const admin = await s.person('admin');
    const granted = await s.person('learner');
    await onRoot(granted.id);
    expect((await changeRole({ actorId: granted.id, userId: admin.id, role: 'learner' }, s)).role).toBe('learner');
    expect(await hasActiveAdmin(s.store)).toBe(true);
  });

  it('lets an administrator give up the role they also hold by a grant on the root', async () => {
    const admin = await s.person('admin');
    await onRoot(admin.id);
    expect((await changeRole({ actorId: admin.id, userId: admin.id, role: 'learner' }, s)).role).toBe('learner');
  });

  it('keeps the last admin grant on the root, and a grant below the root is no administrator of the network', async () => {
    const granted = await s.person('learner');
    const grant = await onRoot(granted.id);
    const below = await s.person('admin');
    await grantRole(s.store, { userId: below.id, role: 'admin', structure: 'nord' }, null, s.clock());
    // Its account's role makes `below` an administrator too: it loses it, and the grant on « nord » does not count.
    await changeRole({ actorId: granted.id, userId: below.id, role: 'learner' }, s);
    const revoke = () => revokeGrant(s.store, { userId: granted.id, grantId: grant.id }, null, s.clock());
    await expect(revoke()).rejects.toThrow(LastNetworkAdminError);
    expect(await s.store.get('grants', grant.id)).toBeDefined();
    await expect(changeRole({ actorId: granted.id, userId: granted.id, role: 'admin' }, s)).resolves.toBeDefined();
    await revoke();
    expect(await s.store.get('grants', grant.id)).toBeUndefined();
  });
});
