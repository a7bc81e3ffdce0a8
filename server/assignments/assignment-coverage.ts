// An assignment to a structure concerns the people of that structure and of every structure below it
// (decision 022). It is asked two ways, which say the same thing: from a person, « which structures do I
// belong to » (theirs and every one above it); from an assignment, « which structures does it cover » (its
// structure and everything below, for a query of people). An assignment to the root concerns everyone.
import type { Reader } from '../structures/queries.ts';
import { pathCodes } from '../structures/queries.ts';
import { rootCode } from '../structures/schema.ts';
import { pathToRoot, type StructureTree, subtreeCodes } from '../structures/tree.ts';

/** The structures a person of `structure` belongs to: theirs (even unknown to the tree) and those above it. */
export function membershipsIn(tree: StructureTree, structure: string): Set<string> {
  return new Set([structure, ...pathToRoot(tree, structure).map((node) => node.code)]);
}

/** The same as `membershipsIn`, read one row at a time from the person's structure up (no whole tree). */
export async function membershipsOf(reader: Pick<Reader, 'get'>, structure: string): Promise<Set<string>> {
  return new Set([structure, ...(await pathCodes(reader, structure))]);
}

/** `membershipsIn`, computed once per structure: a list of people has far fewer structures than rows. */
export function membershipsCache(tree: StructureTree): (structure: string) => ReadonlySet<string> {
  const known = new Map<string, Set<string>>();
  return (structure) => {
    const memberships = known.get(structure) ?? membershipsIn(tree, structure);
    known.set(structure, memberships);
    return memberships;
  };
}

/**
 * The structures whose people an assignment to `structure` concerns: it and everything below it (a code
 * unknown to the tree covers its own people); undefined for the root, whose assignment concerns everyone.
 */
export function coveredStructures(tree: StructureTree, structure: string): string[] | undefined {
  if (structure === rootCode) return undefined;
  const below = subtreeCodes(tree, structure);
  return below.size > 0 ? [...below] : [structure];
}
