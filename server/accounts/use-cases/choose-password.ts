import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { TokenInvalidError } from '../errors.ts';
import { hashNewPassword } from '../hash-new-password.ts';
import { consumeToken } from '../one-time-tokens.ts';
import { isPrivileged } from '../privileged.ts';
import { findPasswordLink } from '../queries.ts';
import type { User } from '../schema.ts';
import { deleteSessionsOf } from '../sessions.ts';

export interface ChoosePasswordInput {
  kind: 'invitation' | 'reset';
  rawToken: string;
  password: string;
}

/**
 * An invitation or reset link lets its person choose a password: the link is used up, the password set
 * and every other session of the person ended, in one transaction that checks the link again.
 */
export async function choosePassword(
  input: ChoosePasswordInput,
  { store, clock }: UseCaseDeps,
): Promise<Readonly<User>> {
  const link = await findPasswordLink(store, input.kind, input.rawToken, clock());
  if (!link) throw new TokenInvalidError();
  const passwordHash = await hashNewPassword(input.password, link.user);
  return store.transact(async (tx) => {
    const now = clock();
    const current = await findPasswordLink(tx, input.kind, input.rawToken, now);
    if (!current) throw new TokenInvalidError();
    consumeToken(tx, current.token, now);
    await deleteSessionsOf(tx, current.user.id);
    // A password chosen from a link signs the person in: privileged sign-ins are all in the audit trail.
    if (await isPrivileged(tx, current.user))
      recordAudit(tx, {
        at: now,
        actorId: current.user.id,
        action: 'user.signed_in',
        target: current.user.id,
        details: { via: input.kind },
      });
    return tx.put('users', { ...current.user, passwordHash, updatedAt: now.toISOString() });
  });
}
