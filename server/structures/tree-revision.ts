// The tree is read by every scoped page; each instance keeps it in memory and reads it again only when its
// revision changed. Every write of a structure goes through these functions, which rewrite one row (the
// revision) in the same transaction: an instance sees a move, a merge or an import made on another
// instance at its very next request, for the price of reading that one row (decision 024).
import { randomUUID } from 'node:crypto';
import type { AppTx } from '../store/app-collections.ts';
import type { Reader } from './queries.ts';
import type { Structure } from './schema.ts';

const revisionId = 'structures.revision';

/** A new revision, so every instance reloads its tree; called by each write below. */
function touchTree(tx: Pick<AppTx, 'put'>): void {
  tx.put('settings', { id: revisionId, value: randomUUID() });
}

export function writeStructure(tx: Pick<AppTx, 'put'>, row: Structure): Readonly<Structure> {
  touchTree(tx);
  return tx.put('structures', row);
}

export function removeStructure(tx: Pick<AppTx, 'put' | 'delete'>, code: string): void {
  touchTree(tx);
  tx.delete('structures', code);
}

/** The current revision; undefined until the first write (the tree then holds its root at most). */
export async function treeRevision(reader: Pick<Reader, 'get'>): Promise<string | undefined> {
  return (await reader.get('settings', revisionId))?.value;
}
