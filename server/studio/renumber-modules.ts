import { rename } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../shared/fs/write-file-atomic.ts';
import { moduleFileName } from './course-file-name.ts';
import type { ModuleFile } from './list-module-files.ts';

/**
 * Gives modules the numbers 01, 02… in the given order by renaming their `NN-` prefix. Slugs are unique
 * in a course, so a target name can only be the file's own: the renames never collide.
 * Returns the new file name of each module, by slug.
 */
export async function renumberModules(dir: string, ordered: readonly ModuleFile[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const [i, module] of ordered.entries()) {
    const target = moduleFileName(i + 1, module.slug);
    if (target !== module.file) await rename(path.join(dir, module.file), path.join(dir, target));
    names.set(module.slug, target);
  }
  await fsyncDir(dir);
  return names;
}
