import { copyFile, link, mkdir, open, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './write-file-atomic.ts';

export interface CopyDirOptions {
  /** Hard-link files instead of copying them (previews: cheap, and nothing writes to the copies). */
  link?: boolean;
  /** fsync every copied file and folder (publication and history must survive a power cut). */
  durable?: boolean;
  /** Relative POSIX paths to leave out. */
  skip?: (relative: string) => boolean;
  /** Relative POSIX paths to create empty (previews: the loader only checks that images exist). */
  placeholder?: (relative: string) => boolean;
}

/**
 * Copies a course folder: regular files and folders only. Links are never followed or copied, and hidden
 * entries (temp files of atomic writes) are left out, like the course loader does.
 */
export async function copyDir(source: string, target: string, options: CopyDirOptions = {}): Promise<void> {
  await copyInto(source, target, '', options);
}

async function copyInto(source: string, target: string, relative: string, options: CopyDirOptions): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (options.skip?.(rel)) continue;
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      await copyInto(from, to, rel, options);
    } else if (entry.isFile()) {
      if (options.placeholder?.(rel)) {
        await writeFile(to, '');
      } else if (options.link) {
        // Another file system (published courses on another disk): fall back to a copy.
        await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
          await copyFile(from, to);
        });
      } else {
        await copyFile(from, to);
      }
      if (options.durable) {
        const handle = await open(to, 'r');
        await handle.sync().finally(() => handle.close());
      }
    }
  }
  if (options.durable) await fsyncDir(target);
}
