import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { SignInFailedError, SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { verifyPassword } from '../password.ts';
import { isPrivileged } from '../privileged.ts';
import { findUserByEmail, normalizeEmail } from '../queries.ts';
import type { User } from '../schema.ts';

export interface Credentials {
  email: string;
  password: string;
  /** The client's address, as Express sees it with `trust proxy`. */
  client: string;
}

/**
 * Checks an email and password at sign-in. A client that failed too often on this account waits
 * (LoginThrottle) before its password is even checked. Otherwise the password is verified even for an
 * unknown email (against a dummy hash), so the time taken does not reveal which accounts exist.
 */
export async function authenticate(
  input: Credentials,
  { store, clock }: UseCaseDeps,
  throttle: LoginThrottle,
): Promise<Readonly<User>> {
  const account = normalizeEmail(input.email);
  const wait = await throttle.waitMs(account, input.client, clock().getTime());
  if (wait > 0) throw new SignInThrottledError(wait);
  const user = await findUserByEmail(store, account);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  const now = clock();
  const signedIn = user && valid && user.active ? user : undefined;
  if (signedIn) await throttle.succeed(account, input.client);
  const nextWaitMs = signedIn ? 0 : await throttle.fail(account, input.client, now.getTime());
  // Privileged accounts' sign-ins, failed or not, go to the audit trail.
  if (user && (await isPrivileged(store, user))) {
    await store.transact((tx) => {
      recordAudit(tx, {
        at: now,
        actorId: signedIn ? user.id : null,
        action: signedIn ? 'user.signed_in' : 'user.sign_in_failed',
        target: user.id,
        details: signedIn ? { client: input.client } : { client: input.client, nextWaitMs },
      });
    });
  }
  if (!signedIn) throw new SignInFailedError();
  return signedIn;
}
