import type { AppStore } from '../../store/app-collections.ts';
import { loadTree } from '../queries.ts';
import { pathToRoot, type StructureTree } from '../tree.ts';
import { treeRevision } from '../tree-revision.ts';
import { type Face, type FaceDefaults, resolveFace } from './resolve-face.ts';

/**
 * The faces every page shows, kept in memory: a page costs a lookup. Every write of a structure changes
 * the tree's revision (tree-revision.ts); the revision is read at most once every `recheckMs`, so a face
 * changed, or a structure moved, on any instance sharing the database shows within that time, for one
 * read of one row per second per instance rather than one per page.
 */
export class FaceCache {
  private tree: Promise<StructureTree> | undefined;
  private revision: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly faces = new Map<string, Face>();

  constructor(
    private readonly store: Pick<AppStore, 'all' | 'get'>,
    private readonly defaults: FaceDefaults,
    private readonly recheckMs = 1_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async faceOf(code: string | undefined): Promise<Face> {
    if (this.now() - this.checkedAt > this.recheckMs) {
      const checkedAt = this.now();
      const revision = await treeRevision(this.store);
      if (revision !== this.revision) this.forget();
      this.revision = revision;
      this.checkedAt = checkedAt;
    }
    const key = code ?? '';
    const known = this.faces.get(key);
    if (known) return known;
    if (!this.tree) {
      const loading = loadTree(this.store);
      this.tree = loading;
      // A failed read is not kept: the next page tries again.
      loading.catch(() => {
        if (this.tree === loading) this.forget();
      });
    }
    const tree = await this.tree;
    const face = resolveFace(code ? pathToRoot(tree, code) : [tree.root], this.defaults);
    this.faces.set(key, face);
    return face;
  }

  /** Forgets every face at once (a change made through this instance). */
  forget(): void {
    this.tree = undefined;
    this.checkedAt = Number.NEGATIVE_INFINITY;
    this.faces.clear();
  }
}
