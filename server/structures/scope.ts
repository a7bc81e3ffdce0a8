// What part of the network a person reaches with some roles: the one computation every guard and every
// query of people uses (decision 022).
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { grantsOf, loadTree } from './queries.ts';
import { type GrantRole, rootCode } from './schema.ts';
import { type StructureTree, subtreeCodes } from './tree.ts';

/** Everything, or the codes of the structures reached. */
export type Scope = { readonly all: true } | { readonly all: false; readonly codes: ReadonlySet<string> };

export const wholeNetwork: Scope = Object.freeze({ all: true });

export function inScope(scope: Scope, structure: string): boolean {
  return scope.all || scope.codes.has(structure);
}

/** The person as the scope needs them: `role` is the role held on the whole network (the root). */
export interface ScopedPerson {
  id: string;
  role: string;
}

/**
 * The structures where `person` holds one of `roles`: everything with the role on the root (the account's
 * own role, or a grant on the root), else the union of the subtrees of their grants.
 */
export async function scopeOf(
  store: Pick<AppStore, 'all' | 'get' | 'findBy'>,
  person: ScopedPerson,
  roles: readonly GrantRole[],
  tree?: StructureTree,
): Promise<Scope> {
  if ((roles as readonly string[]).includes(person.role)) return wholeNetwork;
  const grants = (await grantsOf(store, person.id)).filter((grant) => roles.includes(grant.role));
  if (grants.some((grant) => grant.structureId === rootCode)) return wholeNetwork;
  const codes = new Set<string>();
  if (grants.length === 0) return { all: false, codes };
  const network = tree ?? (await loadTree(store));
  for (const grant of grants) for (const code of subtreeCodes(network, grant.structureId)) codes.add(code);
  return { all: false, codes };
}

/** The roles a person holds somewhere: their own, and every granted one. */
export async function rolesHeld(store: Pick<AppStore, 'get' | 'findBy'>, person: ScopedPerson): Promise<Set<string>> {
  const held = new Set<string>([person.role]);
  for (const grant of await grantsOf(store, person.id)) held.add(grant.role);
  return held;
}

/**
 * The codes a query may list: the scope, narrowed to the filter's subtree when there is one; undefined
 * means everything. A filter outside the scope is refused as if it did not exist.
 */
export function codesInView(tree: StructureTree, scope: Scope, structure: string | undefined): string[] | undefined {
  if (structure === undefined) return scope.all ? undefined : [...scope.codes];
  if (!inScope(scope, structure)) throw new NotFoundError(`structure ${structure} outside the scope`);
  const below = subtreeCodes(tree, structure);
  // A code on accounts but not in the tree (data from before the tree) is a subtree of its own.
  return below.size > 0 ? [...below].filter((code) => inScope(scope, code)) : [structure];
}

/** The tree and what one person reaches in it with some roles, read once per request. */
export interface View {
  tree: StructureTree;
  scope: Scope;
}

export async function viewOf(
  store: Pick<AppStore, 'all' | 'get' | 'findBy'>,
  person: ScopedPerson,
  roles: readonly GrantRole[],
): Promise<View> {
  const tree = await loadTree(store);
  return { tree, scope: await scopeOf(store, person, roles, tree) };
}
