import { recordAudit } from '../../audit/record-audit.ts';
import { translate } from '../../i18n/translate.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { StructureNotFoundError } from '../errors.ts';
import { rootCode, type Structure } from '../schema.ts';
import { writeStructure } from '../tree-revision.ts';

/** Changes a structure's name; its code, and so every account and grant on it, stay as they are. */
export function renameStructure(
  store: AppStore,
  input: { code: string; name: string },
  actorId: string | null,
  now: Date,
): Promise<Readonly<Structure>> {
  return store.transact(async (tx) => {
    let structure = await tx.get('structures', input.code);
    if (!structure && input.code === rootCode)
      structure = {
        id: rootCode,
        name: translate('structures.root.defaultName'),
        parentId: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
    if (!structure) throw new StructureNotFoundError(input.code);
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
