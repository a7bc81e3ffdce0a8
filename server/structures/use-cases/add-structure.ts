import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore, AppTx } from '../../store/app-collections.ts';
import { StructureCodeTakenError, UnknownStructureError } from '../errors.ts';
import { requireStructure, structureExists } from '../queries.ts';
import { rootCode, type Structure } from '../schema.ts';
import type { NewStructure } from '../structure-input.ts';
import { writeStructure } from '../tree-revision.ts';

/** Puts a new structure in the caller's transaction (the CSV import adds many in one). */
export async function putStructure(tx: AppTx, input: NewStructure, now: Date): Promise<Readonly<Structure>> {
  if (input.code === rootCode || (await tx.get('structures', input.code)))
    throw new StructureCodeTakenError(input.code);
  if (!(await structureExists(tx, input.parent))) throw new UnknownStructureError(input.parent, []);
  return writeStructure(tx, {
    id: input.code,
    name: input.name,
    parentId: input.parent,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
}

/** Creates a structure under an existing one; an unknown parent is refused with the codes it may have meant. */
export async function addStructure(
  store: AppStore,
  input: NewStructure,
  actorId: string | null,
  now: Date,
): Promise<Readonly<Structure>> {
  await requireStructure(store, input.parent);
  return store.transact(async (tx) => {
    const structure = await putStructure(tx, input, now);
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'structure.created',
      target: structure.id,
      details: { name: structure.name, parent: structure.parentId },
    });
    return structure;
  });
}
