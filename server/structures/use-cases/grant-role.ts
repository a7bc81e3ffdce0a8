import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { LastNetworkAdminError, StructureNotFoundError } from '../errors.ts';
import { keepsNetworkAdmin, requireStructure, structureExists } from '../queries.ts';
import { type Grant, type GrantRole, rootCode } from '../schema.ts';

/** Gives a person a role on a structure and everything below it; granting the same twice changes nothing. */
export async function grantRole(
  store: AppStore,
  input: { userId: string; role: GrantRole; structure: string },
  actorId: string | null,
  now: Date,
): Promise<Readonly<Grant>> {
  await requireStructure(store, input.structure);
  return store.transact(async (tx) => {
    const held = await tx.findBy('grants', 'userId', input.userId);
    const same = held.find((g) => g.role === input.role && g.structureId === input.structure);
    if (same) return same;
    if (!(await structureExists(tx, input.structure))) throw new StructureNotFoundError(input.structure);
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'user.role_granted',
      target: input.userId,
      details: { role: input.role, structure: input.structure },
    });
    return tx.put('grants', {
      id: randomUUID(),
      userId: input.userId,
      role: input.role,
      structureId: input.structure,
      createdAt: now.toISOString(),
    });
  });
}

/**
 * Takes one grant back (the person keeps their other grants and their own role); the last way anyone
 * administers the whole network stays.
 */
export function revokeGrant(
  store: AppStore,
  input: { userId: string; grantId: string },
  actorId: string | null,
  now: Date,
): Promise<void> {
  return store.transact(async (tx) => {
    const grant = await tx.get('grants', input.grantId);
    if (!grant || grant.userId !== input.userId) return;
    if (
      grant.role === 'admin' &&
      grant.structureId === rootCode &&
      !(await keepsNetworkAdmin(tx, { userId: grant.userId, grantId: grant.id }))
    )
      throw new LastNetworkAdminError();
    tx.delete('grants', grant.id);
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'user.role_revoked',
      target: grant.userId,
      details: { role: grant.role, structure: grant.structureId },
    });
  });
}
