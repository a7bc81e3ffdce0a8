import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A short hash of every file of the course (names and bytes), reusing the bytes already read. */
export async function hashCourseFiles(dir: string, files: string[], read: Map<string, Buffer>): Promise<string> {
  return (await courseFilesDigest(dir, files, read)).slice(0, 16);
}

/** The whole SHA-256 of the course's files (names and bytes), in hex: the catalog cache's key. */
export async function courseFilesDigest(dir: string, files: string[], read: Map<string, Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(`${file}\0`);
    hash.update(read.get(file) ?? (await readFile(path.join(dir, file))));
  }
  return hash.digest('hex');
}
