import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { checkBrandColour } from '../face/check-brand-colour.ts';
import type { Structure } from '../schema.ts';
import { storedStructure } from '../stored-structure.ts';
import { writeStructure } from '../tree-revision.ts';

/** The colour and signatory as submitted; a missing part is unset (then inherited from above). */
export interface FaceChange {
  colour?: string;
  signatoryPlace?: string;
  signatoryName?: string;
}

const parts = ['colour', 'signatoryPlace', 'signatoryName'] as const;

/** Sets or unsets a structure's brand colour and signatory; the audit entry lists what changed. */
export async function changeStructureFace(
  store: AppStore,
  input: { code: string } & FaceChange,
  actorId: string | null,
  now: Date,
): Promise<Readonly<Structure>> {
  if (input.colour !== undefined) checkBrandColour(input.colour);
  return store.transact(async (tx) => {
    const structure = await storedStructure(tx, input.code, now);
    const next: Structure = { ...structure, updatedAt: now.toISOString() };
    const changed: Record<string, { from: string | null; to: string | null }> = {};
    for (const part of parts) {
      if (input[part] === undefined) delete next[part];
      else next[part] = input[part];
      if (structure[part] !== input[part]) changed[part] = { from: structure[part] ?? null, to: input[part] ?? null };
    }
    if (Object.keys(changed).length === 0) return structure;
    recordAudit(tx, { at: now, actorId, action: 'structure.face_changed', target: structure.id, details: changed });
    return writeStructure(tx, next);
  });
}
