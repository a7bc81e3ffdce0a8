import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { RootStructureError, StructureCycleError, StructureNotFoundError } from '../errors.ts';
import { ancestorCodes, structureExists } from '../queries.ts';
import { rootCode } from '../schema.ts';
import { removeStructure, writeStructure } from '../tree-revision.ts';

export interface MergeOutcome {
  people: number;
  children: number;
  grants: number;
  assignments: number;
}

/**
 * Merges `from` into `into`: its accounts, sub-structures, grants and assignments move to `into`, then
 * `from` is removed, all in one transaction. Its code then names nothing (a CSV that still uses it is
 * refused with the close codes).
 */
export function mergeStructures(
  store: AppStore,
  input: { from: string; into: string },
  actorId: string | null,
  now: Date,
): Promise<MergeOutcome> {
  return store.transact(async (tx) => {
    if (input.from === rootCode) throw new RootStructureError();
    const from = await tx.get('structures', input.from);
    if (!from) throw new StructureNotFoundError(input.from);
    if (!(await structureExists(tx, input.into))) throw new StructureNotFoundError(input.into);
    if ((await ancestorCodes(tx, input.into)).includes(input.from))
      throw new StructureCycleError(input.from, input.into);
    const stamp = now.toISOString();
    const people = await tx.findBy('users', 'structure', from.id);
    for (const person of people) tx.put('users', { ...person, structure: input.into, updatedAt: stamp });
    const children = await tx.findBy('structures', 'parentId', from.id);
    for (const child of children) writeStructure(tx, { ...child, parentId: input.into, updatedAt: stamp });
    const grants = await tx.findBy('grants', 'structureId', from.id);
    for (const grant of grants) tx.put('grants', { ...grant, structureId: input.into });
    const assignments = await tx.findBy('assignments', 'structure', from.id);
    for (const assignment of assignments) tx.put('assignments', { ...assignment, structure: input.into });
    removeStructure(tx, from.id);
    const outcome = {
      people: people.length,
      children: children.length,
      grants: grants.length,
      assignments: assignments.length,
    };
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'structure.merged',
      target: input.into,
      details: { from: from.id, name: from.name, ...outcome },
    });
    return outcome;
  });
}
