import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore, AppTx } from '../../store/app-collections.ts';
import { RootStructureError, StructureCycleError, StructureNotFoundError, UnknownStructureError } from '../errors.ts';
import { ancestorCodes, structureExists } from '../queries.ts';
import { rootCode, type Structure } from '../schema.ts';
import { writeStructure } from '../tree-revision.ts';

/**
 * Refuses a new parent that is the structure itself or lies below it; checked inside the transaction, so
 * two moves at once cannot build a cycle between them.
 */
export async function checkNewParent(tx: AppTx, code: string, parent: string): Promise<void> {
  if (code === rootCode) throw new RootStructureError();
  if (!(await structureExists(tx, parent))) throw new UnknownStructureError(parent, []);
  if ((await ancestorCodes(tx, parent)).includes(code)) throw new StructureCycleError(code, parent);
}

/** Hangs a structure, with everything below it, under another parent. */
export function moveStructure(
  store: AppStore,
  input: { code: string; parent: string },
  actorId: string | null,
  now: Date,
): Promise<Readonly<Structure>> {
  return store.transact(async (tx) => {
    const structure = await tx.get('structures', input.code);
    if (!structure) throw input.code === rootCode ? new RootStructureError() : new StructureNotFoundError(input.code);
    await checkNewParent(tx, input.code, input.parent);
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'structure.moved',
      target: structure.id,
      details: { from: structure.parentId, to: input.parent },
    });
    return writeStructure(tx, { ...structure, parentId: input.parent, updatedAt: now.toISOString() });
  });
}
