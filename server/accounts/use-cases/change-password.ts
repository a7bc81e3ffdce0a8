import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { SignInThrottledError, UserNotFoundError, WrongPasswordError } from '../errors.ts';
import { hashNewPassword } from '../hash-new-password.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { verifyPassword } from '../password.ts';
import { findUser } from '../queries.ts';
import type { User } from '../schema.ts';
import { deleteSessionsOf } from '../sessions.ts';

export interface ChangePasswordInput {
  userId: string;
  /** The session asking: it stays open, every other one of the person ends. */
  sessionId: string;
  current: string;
  password: string;
  /** The client's address: guessing the current password is throttled as sign-ins are. */
  client: string;
}

/**
 * A signed-in person changes their own password, confirming the current one first (a session left open
 * on a shared computer must not be enough); their other sessions end in the same transaction.
 */
export async function changePassword(
  input: ChangePasswordInput,
  { store, clock }: UseCaseDeps,
  throttle: LoginThrottle,
): Promise<Readonly<User>> {
  const person = await findUser(store, input.userId);
  if (!person?.active) throw new UserNotFoundError(input.userId);
  const wait = await throttle.waitMs(person.email, input.client, clock().getTime());
  if (wait > 0) throw new SignInThrottledError(wait);
  if (!(await verifyPassword(person.passwordHash, input.current))) {
    await throttle.fail(person.email, input.client, clock().getTime());
    throw new WrongPasswordError();
  }
  await throttle.succeed(person.email, input.client);
  const passwordHash = await hashNewPassword(input.password, person);
  return store.transact(async (tx) => {
    const now = clock();
    const current = await findUser(tx, input.userId);
    if (!current?.active) throw new UserNotFoundError(input.userId);
    await deleteSessionsOf(tx, current.id, input.sessionId);
    recordAudit(tx, { at: now, actorId: current.id, action: 'user.password_changed', target: current.id });
    return tx.put('users', { ...current, passwordHash, updatedAt: now.toISOString() });
  });
}
