import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { UserNotFoundError } from '../errors.ts';
import { findSecondFactor, findUser } from '../queries.ts';

/**
 * An administrator removes a person's second factor (a lost phone and no recovery code left) and forgets
 * the devices they had remembered; recorded in the audit trail (actor null: the command line). Their
 * sessions are left alone.
 */
export async function resetSecondFactor(
  input: { actorId: string | null; userId: string },
  { store, clock }: UseCaseDeps,
): Promise<void> {
  const now = clock();
  await store.transact(async (tx) => {
    const person = await findUser(tx, input.userId);
    if (!person) throw new UserNotFoundError(input.userId);
    const factor = await findSecondFactor(tx, person.id);
    tx.delete('secondFactors', person.id);
    for (const device of await tx.findBy('rememberedDevices', 'userId', person.id))
      tx.delete('rememberedDevices', device.id);
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'user.second_factor_reset',
      target: person.id,
      details: { hadSecondFactor: Boolean(factor?.secret) },
    });
  });
}
