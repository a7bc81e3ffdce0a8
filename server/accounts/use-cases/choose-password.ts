import type { UseCaseDeps } from '../account-deps.ts';
import { checkPasswordStrength } from '../check-password-strength.ts';
import { TokenInvalidError, WeakPasswordError } from '../errors.ts';
import { consumeToken } from '../one-time-tokens.ts';
import { hashPassword } from '../password.ts';
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
  const weakness = checkPasswordStrength(input.password, [link.user.email, link.user.name]);
  if (weakness) throw new WeakPasswordError(weakness);
  const passwordHash = await hashPassword(input.password);
  return store.transact(async (tx) => {
    const now = clock();
    const current = await findPasswordLink(tx, input.kind, input.rawToken, now);
    if (!current) throw new TokenInvalidError();
    consumeToken(tx, current.token, now);
    await deleteSessionsOf(tx, current.user.id);
    return tx.put('users', { ...current.user, passwordHash, updatedAt: now.toISOString() });
  });
}
