import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { SelfDeactivationError, UserNotFoundError } from '../errors.ts';
import { findUser } from '../queries.ts';
import type { User } from '../schema.ts';
import { deleteSessionsOf } from '../sessions.ts';

export interface SetAccountActiveInput {
  actorId: string;
  userId: string;
  active: boolean;
}

/**
 * Deactivates an account (the person is signed out everywhere at once, in the same transaction) or
 * reactivates it, with an audit entry. Nobody deactivates their own account.
 */
export async function setAccountActive(
  input: SetAccountActiveInput,
  { store, clock }: UseCaseDeps,
): Promise<Readonly<User>> {
  if (!input.active && input.userId === input.actorId) throw new SelfDeactivationError();
  const now = clock();
  return store.transact(async (tx) => {
    const person = await findUser(tx, input.userId);
    if (!person) throw new UserNotFoundError(input.userId);
    if (person.active === input.active) return person;
    if (!input.active) await deleteSessionsOf(tx, person.id);
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: input.active ? 'user.activated' : 'user.deactivated',
      target: person.id,
      details: {},
    });
    return tx.put('users', { ...person, active: input.active, updatedAt: now.toISOString() });
  });
}
