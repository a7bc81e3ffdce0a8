import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmailTakenError, TokenInvalidError, WeakPasswordError } from '../../../server/accounts/errors.ts';
import { issueToken } from '../../../server/accounts/one-time-tokens.ts';
import { verifyPassword } from '../../../server/accounts/password.ts';
import { completeSetup } from '../../../server/accounts/use-cases/complete-setup.ts';
import { openUseCaseStore, strongPassword, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
let rawToken: string;
beforeEach(async () => {
  s = await openUseCaseStore();
  rawToken = await issueToken(s.store, { kind: 'setup', userId: null, createdBy: null }, s.clock());
});
afterEach(() => s.close());

const awa = { name: 'Awa Diallo', email: 'awa@exemple.org', structure: 'Siège', password: strongPassword };
const admins = () => s.store.findBy('users', 'role', 'admin');

describe('completeSetup', () => {
  it('creates the first administrator with the chosen password and uses the link up', async () => {
    const admin = await completeSetup({ ...awa, rawToken }, s);
    expect(admin).toMatchObject({ email: 'awa@exemple.org', role: 'admin', active: true, matricule: null });
    expect(await verifyPassword(admin.passwordHash, strongPassword)).toBe(true);
    const [token] = await s.store.findBy('tokens', 'userId', admin.id);
    expect(token).toMatchObject({ kind: 'setup', usedAt: s.clock().toISOString() });
    await expect(completeSetup({ ...awa, email: 'autre@exemple.org', rawToken }, s)).rejects.toThrow(TokenInvalidError);
  });

  it('makes exactly one administrator when the link is used twice at once', async () => {
    const results = await Promise.allSettled([
      completeSetup({ ...awa, rawToken }, s),
      completeSetup({ ...awa, email: 'admin2@exemple.org', rawToken }, s),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(TokenInvalidError) });
    expect(await admins()).toHaveLength(1);
  });

  it('refuses an unknown or expired link, and any link once an administrator exists', async () => {
    await expect(completeSetup({ ...awa, rawToken: 'faux-jeton-de-configuration' }, s)).rejects.toThrow(
      TokenInvalidError,
    );
    s.advance(8 * 86_400_000);
    await expect(completeSetup({ ...awa, rawToken }, s)).rejects.toThrow(TokenInvalidError);
    const fresh = await issueToken(s.store, { kind: 'setup', userId: null, createdBy: null }, s.clock());
    await s.person('admin');
    await expect(completeSetup({ ...awa, rawToken: fresh }, s)).rejects.toThrow(TokenInvalidError);
  });

  it('refuses a weak password or one containing the name, and creates nothing', async () => {
    await expect(completeSetup({ ...awa, password: 'motdepasse123', rawToken }, s)).rejects.toThrow(WeakPasswordError);
    await expect(completeSetup({ ...awa, password: 'Awa Diallo au soleil', rawToken }, s)).rejects.toMatchObject({
      messageKey: 'accounts.password.personal',
    });
    expect(await s.store.count('users')).toBe(0);
  });

  it('refuses an email that already has an account and leaves the link usable', async () => {
    await s.person('learner', { email: 'awa@exemple.org' });
    await expect(completeSetup({ ...awa, rawToken }, s)).rejects.toThrow(EmailTakenError);
    expect(await completeSetup({ ...awa, email: 'awa.diallo@exemple.org', rawToken }, s)).toMatchObject({
      role: 'admin',
    });
  });
});
