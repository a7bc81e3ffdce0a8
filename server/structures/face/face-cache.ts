import type { AppStore } from '../../store/app-collections.ts';
import { loadTree } from '../queries.ts';
import { pathToRoot, type StructureTree } from '../tree.ts';
import { type Face, type FaceDefaults, resolveFace } from './resolve-face.ts';

/**
 * The faces every page shows, from the whole tree read at most every `maxAgeMs`: a page costs a lookup,
 * never a read of the store. A change made on this instance is seen at once (`forget`); one made on
 * another instance sharing the database, or a rename or a move, within `maxAgeMs`.
 */
export class FaceCache {
  private tree: Promise<StructureTree> | undefined;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private readonly faces = new Map<string, Face>();

  constructor(
    private readonly store: Pick<AppStore, 'all' | 'get'>,
    private readonly defaults: FaceDefaults,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async faceOf(code: string | undefined): Promise<Face> {
    if (this.now() - this.loadedAt > this.maxAgeMs) this.forget();
    const key = code ?? '';
    const known = this.faces.get(key);
    if (known) return known;
    if (!this.tree) {
      this.loadedAt = this.now();
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

  forget(): void {
    this.tree = undefined;
    this.loadedAt = Number.NEGATIVE_INFINITY;
    this.faces.clear();
  }
}
