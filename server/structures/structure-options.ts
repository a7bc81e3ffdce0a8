import { flattenTree, type StructureTree } from './tree.ts';

export interface StructureOption {
  code: string;
  /** Indented by depth, so a select shows the tree. */
  label: string;
}

/** Every structure of the tree as select options, parents first, except the codes in `without`. */
export function structureOptions(tree: StructureTree, without: ReadonlySet<string> = new Set()): StructureOption[] {
  return flattenTree(tree)
    .filter((node) => !without.has(node.code))
    .map((node) => ({ code: node.code, label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.name} (${node.code})` }));
}
