// The network as a tree in memory, built from every structure row. A row whose parent is missing hangs
// under the root, and a code found on an account but not in the tree belongs to the root's scope only.
import { type OwnFace, ownFace } from './face/resolve-face.ts';
import { rootCode, type Structure } from './schema.ts';

export interface StructureNode {
  code: string;
  name: string;
  parentCode: string | null;
  children: StructureNode[];
  /** 0 for the root. */
  depth: number;
  /** The parts of the face this structure sets itself (decision 023). */
  face?: OwnFace;
}

export interface StructureTree {
  root: StructureNode;
  byCode: ReadonlyMap<string, StructureNode>;
}

const collator = new Intl.Collator('fr');

/** Builds the tree; the root exists even before anyone named it (a fresh installation). */
export function buildTree(rows: Iterable<Readonly<Structure>>, rootName: string): StructureTree {
  const byCode = new Map<string, StructureNode>();
  const list = [...rows];
  for (const row of list) {
    const face = ownFace(row);
    byCode.set(row.id, {
      code: row.id,
      name: row.name,
      parentCode: row.parentId,
      children: [],
      depth: 0,
      ...(face ? { face } : {}),
    });
  }
  let root = byCode.get(rootCode);
  if (!root) {
    root = { code: rootCode, name: rootName, parentCode: null, children: [], depth: 0 };
    byCode.set(rootCode, root);
  }
  root.parentCode = null;
  for (const node of byCode.values()) {
    if (node === root) continue;
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (!parent || parent === node) node.parentCode = rootCode;
    (node.parentCode === rootCode ? root : parent!).children.push(node);
  }
  // A cycle left by hand-edited data would hide its members: they are reattached under the root.
  const seen = new Set<StructureNode>();
  const visit = (node: StructureNode, depth: number) => {
    seen.add(node);
    node.depth = depth;
    node.children.sort((a, b) => collator.compare(a.name, b.name));
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(root, 0);
  for (const node of byCode.values()) {
    if (seen.has(node)) continue;
    const parent = byCode.get(node.parentCode!);
    if (parent) parent.children = parent.children.filter((c) => c !== node);
    node.parentCode = rootCode;
    root.children.push(node);
    visit(node, 1);
  }
  return { root, byCode };
}

/** The codes of a structure and of everything below it (empty for an unknown code). */
export function subtreeCodes(tree: StructureTree, code: string): Set<string> {
  const codes = new Set<string>();
  const start = tree.byCode.get(code);
  const stack = start ? [start] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    codes.add(node.code);
    stack.push(...node.children);
  }
  return codes;
}

/** From the structure up to the root, the structure first; an unknown code gives the root alone. */
export function pathToRoot(tree: StructureTree, code: string): StructureNode[] {
  const path: StructureNode[] = [];
  let node = tree.byCode.get(code) ?? tree.root;
  for (;;) {
    path.push(node);
    if (!node.parentCode) return path;
    node = tree.byCode.get(node.parentCode)!;
  }
}

/** Every structure in the order of the tree (parents before children), for lists and selects. */
export function flattenTree(tree: StructureTree): StructureNode[] {
  const out: StructureNode[] = [];
  const visit = (node: StructureNode) => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  visit(tree.root);
  return out;
}
