import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { LastAdminError, UserNotFoundError } from '../errors.ts';
import { findUser, lastAdminByRole } from '../queries.ts';
import type { Role, User } from '../schema.ts';

export interface ChangeRoleInput {
  actorId: string;
  userId: string;
  role: Role;
}

/** Gives a person another role, recorded in the audit trail; the last active administrator keeps theirs. */
export async function changeRole(input: ChangeRoleInput, { store, clock }: UseCaseDeps): Promise<Readonly<User>> {
  const now = clock();
  return store.transact(async (tx) => {
    const person = await findUser(tx, input.userId);
    if (!person) throw new UserNotFoundError(input.userId);
    if (person.role === input.role) return person;
    if (await lastAdminByRole(tx, person)) throw new LastAdminError(person.name);
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'user.role_changed',
      target: person.id,
      details: { from: person.role, to: input.role },
    });
    return tx.put('users', { ...person, role: input.role, updatedAt: now.toISOString() });
  });
}
