import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashCourseFiles } from '../../catalog/hash-course-files.ts';
import { listCourseFiles } from '../../catalog/list-course-files.ts';
import { isDirectory } from '../../shared/fs/is-directory.ts';
import { withStageDir } from '../../shared/fs/stage-dir.ts';
import { swapDir } from '../../shared/fs/swap-dir.ts';
import { fsyncDir } from '../../shared/fs/write-file-atomic.ts';

export interface TreeContent {
  hash: string;
  /** Relative POSIX path → bytes in base64. */
  files: Record<string, string>;
}

/** The folder's files and their hash, or undefined when the folder does not exist. */
export async function readTree(dir: string): Promise<TreeContent | undefined> {
  if (!(await isDirectory(dir))) return undefined;
  const names = (await listCourseFiles(dir)).sort();
  const bytes = new Map<string, Buffer>();
  for (const name of names) bytes.set(name, await readFile(path.join(dir, name)));
  const files: Record<string, string> = {};
  for (const name of names) files[name] = bytes.get(name)!.toString('base64');
  return { hash: await hashCourseFiles(dir, names, bytes), files };
}

/** The hash of the folder as it is on disk, or undefined when it does not exist. */
export async function hashTree(dir: string): Promise<string | undefined> {
  return (await readTree(dir))?.hash;
}

/**
 * Makes `dir` hold exactly `files`: written into a hidden folder beside it, then swapped in, so readers
 * see the old or the new course, never a mix. Paths come from the store, written by this code; still,
 * none may leave the folder.
 */
export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  const parent = path.dirname(dir);
  await withStageDir(parent, 'sync', async (stage) => {
    const staged = path.join(stage, path.basename(dir));
    await mkdir(staged);
    for (const [name, base64] of Object.entries(files)) {
      const target = path.resolve(staged, name);
      if (!target.startsWith(`${staged}${path.sep}`)) throw new Error(`unsafe path in a course tree: ${name}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(base64, 'base64'));
    }
    await fsyncDir(staged);
    const swap = await swapDir(staged, dir);
    await swap.commit();
  });
}
