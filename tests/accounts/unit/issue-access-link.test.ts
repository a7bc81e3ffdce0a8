import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountInactiveError } from '../../../server/accounts/errors.ts';
import { findPasswordLink } from '../../../server/accounts/queries.ts';
import type { User } from '../../../server/accounts/schema.ts';
import { issueAccessLink } from '../../../server/accounts/use-cases/issue-access-link.ts';
import { openUseCaseStore, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
let admin: Readonly<User>;
beforeEach(async () => {
  s = await openUseCaseStore();
  admin = await s.person('admin');
});
afterEach(() => s.close());

describe('issueAccessLink', () => {
  it('gives a 2-day reset link to someone with a password, and records it', async () => {
    const learner = await s.person('learner', { password: 'une phrase de passe solide' });
    const link = await issueAccessLink({ actorId: admin.id, userId: learner.id }, s);
    expect(link).toMatchObject({ kind: 'reset', expiresAt: new Date('2026-11-25T09:00:00Z') });
    expect(await findPasswordLink(s.store, 'reset', link.token, s.clock())).toBeDefined();
    expect(await s.audit()).toMatchObject([{ action: 'user.reset_link', actorId: admin.id, target: learner.id }]);
  });

  it('gives a new invitation to someone who never chose a password, replacing the unused one', async () => {
    const invited = await s.person('learner');
    const first = await issueAccessLink({ actorId: admin.id, userId: invited.id }, s);
    const second = await issueAccessLink({ actorId: admin.id, userId: invited.id }, s);
    expect(second.kind).toBe('invitation');
    expect(await findPasswordLink(s.store, 'invitation', first.token, s.clock())).toBeUndefined();
    expect(await findPasswordLink(s.store, 'invitation', second.token, s.clock())).toBeDefined();
    expect((await s.audit()).map((e) => e.details)).toEqual([{ resent: true }, { resent: true }]);
  });

  it('refuses a deactivated account and records nothing', async () => {
    const former = await s.person('learner', { active: false });
    await expect(issueAccessLink({ actorId: admin.id, userId: former.id }, s)).rejects.toThrow(AccountInactiveError);
    expect(await s.audit()).toEqual([]);
  });
});
