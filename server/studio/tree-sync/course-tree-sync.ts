import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppStore } from '../../store/app-collections.ts';
import type { CourseTree } from '../schema.ts';
import type { StudioPaths } from '../studio-paths.ts';
import { hashTree, readTree, writeTree } from './tree-files.ts';

/**
 * Keeps the studio's course folders (drafts, studio publications, their history) in the store, for
 * instances that share a database but not a disk. The folders on each instance's disk stay what the
 * studio and the catalog read; the store is the reference:
 * - `pull` makes this instance's folders of a course equal to the store's (after another instance changed them);
 * - `push` records this instance's folders of a course after a studio operation changed them.
 * Both run under the course's cluster lock, so no two instances change one course at once.
 * With the embedded store one process owns the disk: `noTreeSync` does nothing.
 */
export interface CourseTreeSync {
  readonly enabled: boolean;
  /** Call under the course's lock. Returns whether the published folder changed on disk. */
  pull(slug: string): Promise<{ publishedChanged: boolean }>;
  /** Call under the course's lock, after an operation that may have changed the course's folders. */
  push(slug: string, now: Date): Promise<{ publishedChanged: boolean }>;
  /** The courses whose rows differ from what this instance last saw (cheap: reads the light rows only). */
  staleCourses(): Promise<string[]>;
}

export const noTreeSync: CourseTreeSync = {
  enabled: false,
  pull: async () => ({ publishedChanged: false }),
  push: async () => ({ publishedChanged: false }),
  staleCourses: async () => [],
};

const treeId = (kind: CourseTree['kind'], slug: string, version?: number) =>
  kind === 'version' ? `version:${slug}:${version}` : `${kind}:${slug}`;
const filesId = (tree: Pick<CourseTree, 'id' | 'hash'>) => `${tree.id}#${tree.hash}`;

export function storeTreeSync(store: AppStore, paths: StudioPaths): CourseTreeSync {
  /** Tree id → hash of the content this instance's disk holds, as of its last pull or push. */
  const seen = new Map<string, string>();

  const dirOf = (tree: Pick<CourseTree, 'id' | 'kind' | 'course'>) =>
    tree.kind === 'version'
      ? paths.version(tree.course, Number(tree.id.split(':')[2]))
      : tree.kind === 'draft'
        ? paths.draft(tree.course)
        : paths.published(tree.course);

  async function localVersions(slug: string): Promise<number[]> {
    const dir = path.dirname(path.dirname(paths.version(slug, 1)));
    const names = await readdir(dir).catch(() => [] as string[]);
    return names.filter((n) => /^v[1-9]\d*$/.test(n)).map((n) => Number(n.slice(1)));
  }

  return {
    enabled: true,

    async pull(slug) {
      let publishedChanged = false;
      const trees = await store.findBy('courseTrees', 'course', slug);
      for (const tree of trees) {
        if (seen.get(tree.id) === tree.hash) continue;
        const dir = dirOf(tree);
        if ((await hashTree(dir)) !== tree.hash) {
          const content = await store.get('courseTreeFiles', filesId(tree));
          if (!content) continue; // replaced meanwhile: the next pull takes the newer one
          await writeTree(dir, content.files);
        }
        // Even when the disk already had it (instances sharing COURSES_DIR), this instance's catalog has not.
        if (tree.kind === 'published') publishedChanged = true;
        seen.set(tree.id, tree.hash);
      }
      // A draft this instance had seen and that is gone from the store was published or discarded elsewhere.
      const draftId = treeId('draft', slug);
      if (seen.has(draftId) && !trees.some((t) => t.id === draftId)) {
        await rm(paths.draft(slug), { recursive: true, force: true });
        seen.delete(draftId);
      }
      return { publishedChanged };
    },

    async push(slug, now) {
      const known = new Map((await store.findBy('courseTrees', 'course', slug)).map((t) => [t.id, t]));
      const studioPublished = (await store.findBy('courseVersions', 'course', slug)).length > 0;
      const local: { tree: Omit<CourseTree, 'hash' | 'updatedAt'>; dir: string }[] = [
        { tree: { id: treeId('draft', slug), course: slug, kind: 'draft' }, dir: paths.draft(slug) },
      ];
      // A bundled course stays in COURSES_DIR until the studio publishes it: only then is the store its reference.
      if (studioPublished)
        local.push({
          tree: { id: treeId('published', slug), course: slug, kind: 'published' },
          dir: paths.published(slug),
        });
      for (const version of await localVersions(slug))
        local.push({
          tree: { id: treeId('version', slug, version), course: slug, kind: 'version' },
          dir: paths.version(slug, version),
        });

      const changes: { put?: CourseTree & { files: Record<string, string> }; drop?: CourseTree }[] = [];
      for (const { tree, dir } of local) {
        const previous = known.get(tree.id);
        const content = await readTree(dir);
        if (!content) {
          if (previous && tree.kind === 'draft') changes.push({ drop: previous });
          continue;
        }
        if (previous?.hash === content.hash) continue;
        if (previous && tree.kind === 'version') continue; // versions never change once kept
        changes.push({
          put: { ...tree, hash: content.hash, updatedAt: now.toISOString(), files: content.files },
          drop: previous,
        });
      }
      if (changes.length === 0) return { publishedChanged: false };
      await store.transact((tx) => {
        for (const { put, drop } of changes) {
          if (drop) {
            tx.delete('courseTreeFiles', filesId(drop));
            if (!put) tx.delete('courseTrees', drop.id);
          }
          if (put) {
            const { files, ...tree } = put;
            tx.put('courseTreeFiles', { id: filesId(tree), files });
            tx.put('courseTrees', tree);
          }
        }
      });
      for (const { put, drop } of changes) {
        if (put) seen.set(put.id, put.hash);
        else if (drop) seen.delete(drop.id);
      }
      return { publishedChanged: changes.some((c) => c.put?.kind === 'published') };
    },

    async staleCourses() {
      const stale = new Set<string>();
      const present = new Set<string>();
      for await (const tree of store.all('courseTrees')) {
        present.add(tree.id);
        if (seen.get(tree.id) !== tree.hash) stale.add(tree.course);
      }
      // A draft seen here and gone from the store: published or discarded on another instance.
      for (const id of seen.keys())
        if (id.startsWith('draft:') && !present.has(id)) stale.add(id.slice('draft:'.length));
      return [...stale];
    },
  };
}
