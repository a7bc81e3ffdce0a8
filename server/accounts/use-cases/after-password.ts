import { randomBytes } from 'node:crypto';
import { rolesHeld } from '../../structures/scope.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { hashSecret } from '../hash-secret.ts';
import { newTotpSecret } from '../mfa/totp.ts';
import { secondFactorRequired } from '../privileged.ts';
import { findSecondFactor, isRememberedDevice } from '../queries.ts';
import type { Role, User } from '../schema.ts';

/** Time to open the app and type a code, or to set one up. */
export const mfaChallengeTtlMs = 10 * 60_000;

export type AfterPassword =
  /** No second factor to ask: start the session. */
  | { kind: 'session' }
  /** Ask the authenticator's code (`challenge` is the cookie value that holds the step). */
  | { kind: 'code'; challenge: string }
  /** The role requires a second factor and the person has none yet: set it up before the session. */
  | { kind: 'enrol'; challenge: string };

export interface AfterPasswordInput {
  user: Readonly<User>;
  next: string;
  /** The remembered-device cookie this browser sent, if any. */
  device: string | undefined;
}

/**
 * What follows a password proven (sign-in, or a new password chosen from a link): the session at once,
 * the second factor, or its enrolment when a role the person holds (anywhere in the network) requires one. The step in between is kept in
 * the store under a hash of a cookie value, like sessions, so any instance can take the next request.
 */
export async function afterPassword(
  { user, next, device }: AfterPasswordInput,
  { store, clock, requiredRoles }: UseCaseDeps & { requiredRoles: readonly Role[] },
): Promise<AfterPassword> {
  const now = clock();
  const factor = await findSecondFactor(store, user.id);
  if (factor?.secret) {
    if (await isRememberedDevice(store, device, user.id, now)) return { kind: 'session' };
  } else if (!secondFactorRequired(requiredRoles, await rolesHeld(store, user))) return { kind: 'session' };
  const challenge = randomBytes(32).toString('base64url');
  const secret = newTotpSecret();
  await store.transact(async (tx) => {
    tx.put('mfaChallenges', {
      id: hashSecret(challenge),
      userId: user.id,
      next,
      expiresAt: new Date(now.getTime() + mfaChallengeTtlMs).toISOString(),
    });
    const current = await findSecondFactor(tx, user.id);
    // A key already shown (perhaps already scanned) is shown again rather than replaced.
    if (!current?.secret && !current?.pendingSecret)
      tx.put('secondFactors', {
        id: user.id,
        secret: null,
        pendingSecret: secret,
        confirmedAt: null,
        lastStep: null,
        recoveryCodes: [],
      });
  });
  return factor?.secret ? { kind: 'code', challenge } : { kind: 'enrol', challenge };
}
