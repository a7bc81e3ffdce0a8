import { translate } from '../i18n/translate.ts';
import { StructureNotFoundError } from './errors.ts';
import type { Reader } from './queries.ts';
import { rootCode, type Structure } from './schema.ts';

/** A structure's row to change; the root exists before anyone stored it (a fresh installation). */
export async function storedStructure(reader: Reader, code: string, now: Date): Promise<Readonly<Structure>> {
  const structure = await reader.get('structures', code);
  if (structure) return structure;
  if (code !== rootCode) throw new StructureNotFoundError(code);
  return {
    id: rootCode,
    name: translate('structures.root.defaultName'),
    parentId: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
