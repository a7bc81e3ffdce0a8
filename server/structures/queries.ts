// Every read of the network: the tree, one structure, a person's grants.
import { translate } from '../i18n/translate.ts';
import { editDistance } from '../shared/edit-distance.ts';
import { fold } from '../shared/fold.ts';
import type { AppStore, AppTx } from '../store/app-collections.ts';
import { UnknownStructureError } from './errors.ts';
import { type Grant, rootCode, type Structure } from './schema.ts';
import { buildTree, type StructureTree } from './tree.ts';
import { treeRevision } from './tree-revision.ts';

export type Reader = Pick<AppTx, 'get' | 'findBy'>;

/** The tree each store was last read at, and the revision it was read at (tree-revision.ts). */
const trees = new WeakMap<object, { revision: string; tree: StructureTree }>();

/**
 * The whole network (about a thousand rows, read at once), kept per store until its revision changes.
 * The revision is read before the rows: a write landing in between leaves a newer tree under the older
 * revision, read again next time, never the reverse. Shared between requests: nobody changes it.
 */
export async function loadTree(store: Pick<AppStore, 'all' | 'get'>): Promise<StructureTree> {
  const revision = await treeRevision(store);
  const kept = trees.get(store);
  if (revision !== undefined && kept?.revision === revision) return kept.tree;
  const rows: Readonly<Structure>[] = [];
  for await (const row of store.all('structures')) rows.push(row);
  const tree = buildTree(rows, translate('structures.root.defaultName'));
  // Rows written before any revision (the migration that made the tree, hand-made data) are read every time.
  if (revision !== undefined) trees.set(store, { revision, tree });
  return tree;
}

export function findStructure(reader: Reader, code: string): Promise<Readonly<Structure> | undefined> {
  return reader.get('structures', code);
}

/** Whether the code names a structure (the root always exists, stored or not). */
export async function structureExists(reader: Reader, code: string): Promise<boolean> {
  return code === rootCode || (await reader.get('structures', code)) !== undefined;
}

/** The codes from this structure up to the root, read one by one (inside a transaction). */
export async function ancestorCodes(reader: Reader, code: string): Promise<string[]> {
  const codes: string[] = [];
  let current: string | null = code;
  while (current && !codes.includes(current)) {
    codes.push(current);
    current = current === rootCode ? null : ((await reader.get('structures', current))?.parentId ?? rootCode);
  }
  return codes;
}

/**
 * The codes from a structure up to the root, as `pathToRoot` gives them on the whole tree, read one row
 * at a time by id: one person's path needs a few reads, not the network. An unknown code gives the root
 * alone and a missing parent hangs the path under the root, as in the tree; a cycle left by hand-edited
 * data ends at the root once it comes back on itself.
 */
export async function pathCodes(reader: Pick<Reader, 'get'>, code: string): Promise<string[]> {
  const codes: string[] = [];
  for (let current = code; current !== rootCode && !codes.includes(current); ) {
    const row = await reader.get('structures', current);
    if (!row) break;
    codes.push(current);
    current = row.parentId ?? rootCode;
  }
  codes.push(rootCode);
  return codes;
}

/** Up to five codes of the tree that look like what was typed (a typo, or a word of the name). */
export function closeCodes(tree: StructureTree, typed: string): string[] {
  const needle = fold(typed);
  // A third of the length, between 1 and 3: short codes look alike too easily.
  const max = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  const scored: [number, string][] = [];
  for (const node of tree.byCode.values()) {
    const distance = editDistance(needle, node.code, max);
    const named = needle.length >= 3 && fold(node.name).includes(needle);
    if (distance <= max || named) scored.push([named ? Math.min(distance, 2) : distance, node.code]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    .slice(0, 5)
    .map(([, code]) => code);
}

/** The grants held by one person. */
export function grantsOf(reader: Reader, userId: string): Promise<Readonly<Grant>[]> {
  return reader.findBy('grants', 'userId', userId);
}

/** One way a person administers the whole network: their account's role (`grantId` null) or an admin grant on the root. */
export interface NetworkAdminWay {
  userId: string;
  grantId: string | null;
}

/** Every way an active account administers the whole network (decision 022: the role on the root). */
export async function networkAdminWays(reader: Reader): Promise<NetworkAdminWay[]> {
  const ways: NetworkAdminWay[] = (await reader.findBy('users', 'role', 'admin'))
    .filter((user) => user.active)
    .map((user) => ({ userId: user.id, grantId: null }));
  for (const grant of await reader.findBy('grants', 'structureId', rootCode))
    if (grant.role === 'admin' && (await reader.get('users', grant.userId))?.active)
      ways.push({ userId: grant.userId, grantId: grant.id });
  return ways;
}

/** Whether the network keeps an active administrator once this one way of being one is taken away. */
export async function keepsNetworkAdmin(reader: Reader, lost: NetworkAdminWay): Promise<boolean> {
  return (await networkAdminWays(reader)).some((way) => way.userId !== lost.userId || way.grantId !== lost.grantId);
}

/** Refuses a code that names no structure, with the codes the person most likely meant. */
export async function requireStructure(store: Pick<AppStore, 'all' | 'get' | 'findBy'>, code: string): Promise<void> {
  if (!(await structureExists(store, code)))
    throw new UnknownStructureError(code, closeCodes(await loadTree(store), code));
}
