import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Lists the course's files (relative, POSIX separators), skipping hidden files and links. */
export async function listCourseFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.split('/').some((part) => part.startsWith('.')));
}
