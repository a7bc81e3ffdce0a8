import type { UseCaseDeps } from '../account-deps.ts';
import { SignInFailedError, SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { verifyPassword } from '../password.ts';
import { findUserByEmail, normalizeEmail } from '../queries.ts';
import type { User } from '../schema.ts';

/**
 * Checks an email and password at sign-in. The password is verified even for an unknown email (against
 * a dummy hash), so the time taken does not reveal which accounts exist.
 */
export async function authenticate(
  input: { email: string; password: string },
  { store, clock }: UseCaseDeps,
  throttle: LoginThrottle,
): Promise<Readonly<User>> {
  const key = normalizeEmail(input.email);
  const user = await findUserByEmail(store, input.email);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  const now = clock().getTime();
  if (throttle.isLocked(key, now)) throw new SignInThrottledError();
  if (!user || !valid || !user.active) {
    throttle.fail(key, now);
    throw new SignInFailedError();
  }
  throttle.succeed(key);
  return user;
}
