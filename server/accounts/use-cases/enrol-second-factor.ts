import type { UseCaseDeps } from '../account-deps.ts';
import { SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { codeAccount } from '../mfa/code-account.ts';
import { MfaChallengeExpiredError, SecondFactorInvalidError } from '../mfa/errors.ts';
import { newRecoveryCodes } from '../mfa/totp.ts';
import { findMfaChallenge, findUser } from '../queries.ts';
import type { User } from '../schema.ts';
import { confirmEnrolment, proposeSecondFactor } from './confirm-enrolment.ts';

/** Shows a new key on the account page (enrolment, or a change of phone). */
export async function startEnrolment(userId: string, { store }: UseCaseDeps): Promise<void> {
  await store.transact((tx) => proposeSecondFactor(tx, userId));
}

/** Confirms the key set up from the account page; the ten recovery codes to show once. */
export async function enrolFromAccount(
  input: { userId: string; code: string; client: string },
  { store, clock }: UseCaseDeps,
  throttle: LoginThrottle,
): Promise<string[]> {
  const now = clock();
  const wait = await throttle.waitMs(codeAccount(input.userId), input.client, now.getTime());
  if (wait > 0) throw new SignInThrottledError(wait);
  const recovery = newRecoveryCodes();
  const codes = await store.transact((tx) => confirmEnrolment(tx, { ...input, now, recovery }));
  if (!codes) {
    await throttle.fail(codeAccount(input.userId), input.client, now.getTime());
    throw new SecondFactorInvalidError();
  }
  await throttle.succeed(codeAccount(input.userId), input.client);
  return codes;
}

/**
 * Confirms the key set up during a sign-in that required one (a privileged role without a second factor):
 * the sign-in then goes on, with the recovery codes to show once.
 */
export async function enrolAtSignIn(
  input: { challenge: string | undefined; code: string; client: string },
  { store, clock }: UseCaseDeps,
  throttle: LoginThrottle,
): Promise<{ user: Readonly<User>; next: string; codes: string[] }> {
  const now = clock();
  const challenge = await findMfaChallenge(store, input.challenge, now);
  if (!challenge) throw new MfaChallengeExpiredError();
  const wait = await throttle.waitMs(codeAccount(challenge.userId), input.client, now.getTime());
  if (wait > 0) throw new SignInThrottledError(wait);
  const recovery = newRecoveryCodes();
  const done = await store.transact(async (tx) => {
    const user = await findUser(tx, challenge.userId);
    if (!user?.active || !(await tx.get('mfaChallenges', challenge.id))) throw new MfaChallengeExpiredError();
    const codes = await confirmEnrolment(tx, { userId: user.id, code: input.code, now, recovery });
    if (codes) tx.delete('mfaChallenges', challenge.id);
    return codes && { user, codes };
  });
  if (!done) {
    await throttle.fail(codeAccount(challenge.userId), input.client, now.getTime());
    throw new SecondFactorInvalidError();
  }
  await throttle.succeed(codeAccount(challenge.userId), input.client);
  return { ...done, next: challenge.next };
}
