// Roles count wherever they are held (decision 022): the account's own role, or a grant on any structure.
import type { AppTx } from '../store/app-collections.ts';
import { grantsOf } from '../structures/queries.ts';
import { rootCode } from '../structures/schema.ts';
import { rolesHeld } from '../structures/scope.ts';
import type { Role, User } from './schema.ts';

type Reader = Pick<AppTx, 'get' | 'findBy'>;

/**
 * Whether this person's sign-ins go to the audit trail: they can see or change other people's data, as hr
 * or admin somewhere in the network.
 */
export async function isPrivileged(reader: Reader, user: Pick<User, 'id' | 'role'>): Promise<boolean> {
  const held = await rolesHeld(reader, user);
  return held.has('hr') || held.has('admin');
}

/** Whether one of the roles that require a second factor (MFA_REQUIRED_ROLES) is held by these roles. */
export function secondFactorRequired(requiredRoles: readonly Role[], held: ReadonlySet<string>): boolean {
  return requiredRoles.some((role) => held.has(role));
}

/** Whether the person holds a role on the whole network: their account's own (not learner), or a grant on the root. */
export async function holdsNetworkRole(reader: Reader, person: Pick<User, 'id' | 'role'>): Promise<boolean> {
  return (
    person.role !== 'learner' || (await grantsOf(reader, person.id)).some((grant) => grant.structureId === rootCode)
  );
}
