import type { Reader } from '../queries.ts';
import { rootCode, type Structure } from '../schema.ts';
import { type Face, type FaceDefaults, type FacedStructure, ownFace, resolveFace } from './resolve-face.ts';

/**
 * The face of a person of structure `code`, read row by row up to the root (inside a transaction: an
 * attestation or an e-mail is made with the face as it is at that moment). A code not in the tree has the
 * root's face.
 */
export async function faceOf(reader: Reader, code: string | undefined, defaults: FaceDefaults): Promise<Face> {
  const path: FacedStructure[] = [];
  const seen = new Set<string>();
  let current: string | null = code ?? rootCode;
  while (current && !seen.has(current)) {
    seen.add(current);
    const row: Readonly<Structure> | undefined = await reader.get('structures', current);
    if (row) {
      const face = ownFace(row);
      path.push({ code: row.id, name: row.name, ...(face ? { face } : {}) });
    }
    current = current === rootCode ? null : (row?.parentId ?? rootCode);
  }
  return resolveFace(path, defaults);
}
