import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { SignInThrottledError } from '../errors.ts';
import { hashSecret } from '../hash-secret.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { codeAccount } from '../mfa/code-account.ts';
import { MfaChallengeExpiredError, SecondFactorInvalidError } from '../mfa/errors.ts';
import { acceptedStep, looksLikeRecoveryCode, recoveryCodeHash } from '../mfa/totp.ts';
import { isPrivileged } from '../privileged.ts';
import { findMfaChallenge, findSecondFactor, findUser } from '../queries.ts';
import type { SecondFactor, User } from '../schema.ts';

/** A remembered device is asked again after this long, whatever happens. */
export const rememberDeviceMs = 30 * 24 * 60 * 60_000;

export interface SecondFactorInput {
  /** The cookie value of the step between password and code. */
  challenge: string | undefined;
  code: string;
  /** Remember this browser for 30 days. */
  remember: boolean;
  client: string;
}

export interface SecondFactorPassed {
  user: Readonly<User>;
  next: string;
  /** The remembered-device cookie value to give the browser, when asked. */
  device?: string;
}

/** The factor after accepting `code` (the TOTP step recorded, or the recovery code spent), or undefined. */
export function acceptCode(factor: Readonly<SecondFactor>, code: string, now: Date): SecondFactor | undefined {
  if (!factor.secret) return undefined;
  const step = acceptedStep(factor.secret, code, now, factor.lastStep);
  if (step !== undefined) return { ...factor, lastStep: step };
  if (!looksLikeRecoveryCode(code)) return undefined;
  const hash = recoveryCodeHash(code);
  if (!factor.recoveryCodes.includes(hash)) return undefined;
  return { ...factor, recoveryCodes: factor.recoveryCodes.filter((h) => h !== hash) };
}

/**
 * Checks the second factor after a password: a code from the app (each accepted once) or a recovery code
 * (each spent once). Wrong codes count in the same kind of throttle as wrong passwords, per person and
 * client; privileged accounts' successes and failures go to the audit trail.
 */
export async function verifySecondFactor(
  input: SecondFactorInput,
  { store, clock }: UseCaseDeps,
  throttle: LoginThrottle,
): Promise<SecondFactorPassed> {
  const now = clock();
  const challenge = await findMfaChallenge(store, input.challenge, now);
  if (!challenge) throw new MfaChallengeExpiredError();
  const wait = await throttle.waitMs(codeAccount(challenge.userId), input.client, now.getTime());
  if (wait > 0) throw new SignInThrottledError(wait);
  const device = input.remember ? randomBytes(32).toString('base64url') : undefined;
  const outcome = await store.transact(async (tx) => {
    const user = await findUser(tx, challenge.userId);
    const factor = await findSecondFactor(tx, challenge.userId);
    if (!user?.active || !factor?.secret || !(await tx.get('mfaChallenges', challenge.id)))
      throw new MfaChallengeExpiredError();
    const accepted = acceptCode(factor, input.code, now);
    if (!accepted) return { user, passed: false };
    tx.put('secondFactors', accepted);
    tx.delete('mfaChallenges', challenge.id);
    if (device)
      tx.put('rememberedDevices', {
        id: hashSecret(device),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + rememberDeviceMs).toISOString(),
      });
    if (await isPrivileged(tx, user)) {
      const recovery = accepted.recoveryCodes.length < factor.recoveryCodes.length;
      recordAudit(tx, {
        at: now,
        actorId: user.id,
        action: 'user.second_factor_passed',
        target: user.id,
        details: { client: input.client, recoveryCode: recovery, remembered: Boolean(device) },
      });
    }
    return { user, passed: true };
  });
  if (!outcome.passed) {
    const nextWaitMs = await throttle.fail(codeAccount(challenge.userId), input.client, now.getTime());
    if (await isPrivileged(store, outcome.user))
      await store.transact((tx) => {
        recordAudit(tx, {
          at: now,
          actorId: null,
          action: 'user.second_factor_failed',
          target: outcome.user.id,
          details: { client: input.client, nextWaitMs },
        });
      });
    throw new SecondFactorInvalidError();
  }
  await throttle.succeed(codeAccount(challenge.userId), input.client);
  return { user: outcome.user, next: challenge.next, device };
}
