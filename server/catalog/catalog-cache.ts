// The validated text of each published course (course-text.ts), kept between starts in the data directory,
// so that a restart does not check 500 unchanged modules again. An entry is used only when
// - it was written by the same catalog code (`version`, catalog-code-version.ts), and
// - the course's files hash, name and bytes, to the digest of the very bytes that were checked to make it;
// anything else (another version, a changed byte, a truncated or altered file, a file that does not parse)
// is a miss: the course is checked again and the entry rewritten. A cache lost or refused costs only time.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CourseText } from './course-text.ts';

export interface CatalogCache {
  /** A folder of its own, owner-only like the rest of the data directory. */
  dir: string;
  /** Entries written by other code are never read. */
  version: string;
}

export interface CachedCourse {
  /** courseFilesDigest() of the files the text was made from. */
  digest: string;
  text: CourseText;
}

interface Header {
  version: string;
  slug: string;
  digest: string;
  /** SHA-256 of the rest of the file: a torn or altered entry is refused before it is parsed. */
  sum: string;
}

const entryFile = (cache: CatalogCache, slug: string) => path.join(cache.dir, `${slug}.json`);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The course's entry when it is whole and from this code; whether its digest matches is the caller's check. */
export function readCachedCourse(cache: CatalogCache, slug: string): CachedCourse | undefined {
  try {
    const content = readFileSync(entryFile(cache, slug), 'utf8');
    const newline = content.indexOf('\n');
    const header = JSON.parse(content.slice(0, newline)) as Header;
    const body = content.slice(newline + 1);
    if (header.version !== cache.version || header.slug !== slug || typeof header.digest !== 'string') return undefined;
    if (header.sum !== sha256(body)) return undefined;
    return { digest: header.digest, text: JSON.parse(body) as CourseText };
  } catch {
    return undefined;
  }
}

/**
 * Replaces the course's entry (a temporary file renamed over it: readers see the old one or the new one).
 * Not fsynced: after a power cut an entry is at worst missing or refused by its sum, and checked again.
 */
export async function writeCachedCourse(cache: CatalogCache, slug: string, entry: CachedCourse): Promise<void> {
  await mkdir(cache.dir, { recursive: true, mode: 0o700 });
  await chmod(cache.dir, 0o700);
  const body = JSON.stringify(entry.text);
  const header: Header = { version: cache.version, slug, digest: entry.digest, sum: sha256(body) };
  const temp = path.join(cache.dir, `.${slug}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(header)}\n${body}`, { mode: 0o600 });
    await rename(temp, entryFile(cache, slug));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes the entries of courses that are gone, and temporary files a crash left behind. */
export async function pruneCatalogCache(cache: CatalogCache, slugs: string[]): Promise<void> {
  const keep = new Set(slugs.map((slug) => `${slug}.json`));
  const names = await readdir(cache.dir).catch(() => []);
  await Promise.all(
    names.filter((name) => !keep.has(name)).map((name) => rm(path.join(cache.dir, name), { force: true })),
  );
}
