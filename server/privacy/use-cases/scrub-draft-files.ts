import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppStore } from '../../store/app-collections.ts';
import type { StudioLock } from '../../studio/tree-sync/shared-course-lock.ts';
import { hasTrace, scrub, type Traces } from '../traces.ts';

const textFile = /\.(md|txt|ya?ml|json|csv)$/i;

export interface DraftScrubDeps {
  store: AppStore;
  /** The studio's drafts folder, one sub-folder per course. */
  draftsDir?: string;
  /**
   * The studio's lock of a course: brings its folders up to date before (from the store, when instances
   * share PostgreSQL) and records them after, so the scrubbed draft replaces the stored one everywhere.
   */
  draftLock?: StudioLock;
}

async function scrubFolder(dir: string, traces: Traces, mark: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let changed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !textFile.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (!hasTrace(text, traces)) continue;
    await writeFile(file, scrub(text, traces, mark));
    changed += 1;
  }
  return changed;
}

/**
 * Studio drafts are files a trainer may have written a name into (a case study, an author list): their
 * text files lose every trace of an erased person, one course at a time under the studio's lock.
 * Images are left as they are.
 */
export async function scrubDraftFiles(deps: DraftScrubDeps, traces: Traces, mark: string): Promise<number> {
  const { draftsDir } = deps;
  if (!draftsDir) return 0;
  const slugs = new Set(
    (await readdir(draftsDir, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isDirectory())
      .map((e) => e.name),
  );
  for await (const tree of deps.store.all('courseTrees')) if (tree.kind === 'draft') slugs.add(tree.course);
  const run = deps.draftLock?.run ?? ((_slug: string, task: () => Promise<number>) => task());
  let changed = 0;
  for (const slug of slugs) changed += await run(slug, () => scrubFolder(path.join(draftsDir, slug), traces, mark));
  return changed;
}
