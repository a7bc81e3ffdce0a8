import { recordAudit } from '../../audit/record-audit.ts';
import type { AppTx } from '../../store/app-collections.ts';
import { NoEnrolmentError } from '../mfa/errors.ts';
import { acceptedStep, type newRecoveryCodes, newTotpSecret } from '../mfa/totp.ts';
import { findSecondFactor } from '../queries.ts';

/** A key to scan from the account page; the key in use, if any, keeps working until this one is proven. */
export async function proposeSecondFactor(tx: AppTx, userId: string): Promise<void> {
  const current = await findSecondFactor(tx, userId);
  tx.put('secondFactors', {
    id: userId,
    secret: current?.secret ?? null,
    pendingSecret: newTotpSecret(),
    confirmedAt: current?.confirmedAt ?? null,
    lastStep: current?.lastStep ?? null,
    recoveryCodes: current?.recoveryCodes ?? [],
  });
}

/**
 * Proves the key being set up with a first code, in the caller's transaction: it becomes the key in use,
 * with ten new recovery codes (returned in clear to be shown once; only their hashes are kept). Returns
 * undefined when the code is wrong.
 */
export async function confirmEnrolment(
  tx: AppTx,
  input: { userId: string; code: string; now: Date; recovery: ReturnType<typeof newRecoveryCodes> },
): Promise<string[] | undefined> {
  const factor = await findSecondFactor(tx, input.userId);
  if (!factor?.pendingSecret) throw new NoEnrolmentError();
  const step = acceptedStep(factor.pendingSecret, input.code, input.now, null);
  if (step === undefined) return undefined;
  tx.put('secondFactors', {
    id: input.userId,
    secret: factor.pendingSecret,
    pendingSecret: null,
    confirmedAt: input.now.toISOString(),
    lastStep: step,
    recoveryCodes: input.recovery.hashes,
  });
  recordAudit(tx, {
    at: input.now,
    actorId: input.userId,
    action: factor.secret ? 'user.second_factor_replaced' : 'user.second_factor_enabled',
    target: input.userId,
  });
  return input.recovery.codes;
}
