import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore } from '../../store/app-collections.ts';
import type { Structure } from '../schema.ts';
import { storedStructure } from '../stored-structure.ts';
import { writeStructure } from '../tree-revision.ts';

/** Changes a structure's name; its code, and so every account and grant on it, stay as they are. */
export function renameStructure(
  store: AppStore,
  input: { code: string; name: string },
  actorId: string | null,
  now: Date,
): Promise<Readonly<Structure>> {
  return store.transact(async (tx) => {
    const structure = await storedStructure(tx, input.code, now);
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'structure.renamed',
      target: structure.id,
      details: { from: structure.name, to: input.name },
    });
    return writeStructure(tx, { ...structure, name: input.name, updatedAt: now.toISOString() });
  });
}
