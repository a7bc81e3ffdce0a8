import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { assembleCourse } from './assemble-course.ts';
import { type CatalogCache, pruneCatalogCache, readCachedCourse, writeCachedCourse } from './catalog-cache.ts';
import { catalogCodeVersion } from './catalog-code-version.ts';
import type { Catalog, Course, Module } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { courseFilesDigest } from './hash-course-files.ts';
import { listCourseFiles } from './list-course-files.ts';
import { courseLocation, readCourse } from './load-course.ts';

export interface LoadCatalogOptions {
  /** Keeps each valid course's checked text between starts (catalog-cache.ts); none: every course is checked. */
  cacheDir?: string;
  /** The cache's version; the catalog code's own hash unless given (tests). */
  cacheVersion?: string;
}

interface LoadedCourse {
  course: Course | undefined;
  issues: CourseIssue[];
  cached: boolean;
}

/**
 * Loads every course folder once. A broken course is reported and left out; the others are served,
 * so one trainer's typo never takes the whole catalog down. This runs on the main thread, not in a course
 * worker: the checks are linear and bounded (limits.ts), and pages stay rendered on first view, which a
 * worker could not send back; a published course has passed the same checks when it was published.
 * With a cache, a course whose files are byte for byte those it was checked from is not checked again.
 */
export async function loadCatalog(
  coursesDir: string,
  displayRoot = process.cwd(),
  options: LoadCatalogOptions = {},
): Promise<{ catalog: Catalog; issues: CourseIssue[]; fromCache: number }> {
  const entries = await readdir(coursesDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const dirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const cache: CatalogCache | undefined = options.cacheDir
    ? { dir: options.cacheDir, version: options.cacheVersion ?? catalogCodeVersion() }
    : undefined;
  const results = await Promise.all(dirs.map((name) => loadOne(path.join(coursesDir, name), displayRoot, cache)));
  if (cache) await pruneCatalogCache(cache, dirs);
  const courses: Course[] = results.flatMap((r) => (r.course ? [r.course] : []));
  return {
    catalog: { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) },
    issues: results.flatMap((r) => r.issues),
    fromCache: results.filter((r) => r.cached).length,
  };
}

async function loadOne(dir: string, displayRoot: string, cache: CatalogCache | undefined): Promise<LoadedCourse> {
  const location = courseLocation(dir);
  const entry = cache && readCachedCourse(cache, location.slug);
  if (entry && (await digestNow(dir)) === entry.digest)
    return { course: assembleCourse(location, entry.text), issues: [], cached: true };
  const { text, issues, digest } = await readCourse(dir, { displayRoot });
  // A cache that cannot be written costs the next start some time, nothing else.
  if (cache && text && digest) await writeCachedCourse(cache, location.slug, { digest, text }).catch(() => {});
  return { course: text && assembleCourse(location, text), issues, cached: false };
}

/** The digest of the folder's files as they are now (read synchronously: at start-up nothing else waits). */
async function digestNow(dir: string): Promise<string | undefined> {
  try {
    const files = await listCourseFiles(dir);
    return await courseFilesDigest(dir, files, new Map(files.map((f) => [f, readFileSync(path.join(dir, f))])));
  } catch {
    return undefined;
  }
}

/**
 * Markdown is rendered on a module's first view (render-once.ts). The very first rendering in a process
 * also compiles the renderer's code, ~40 ms on one core: main.ts renders one module as soon as the server
 * listens (the loop is idle then), instead of stalling the event loop during the first learner's request.
 */
export function warmUpRendering(catalog: Catalog): void {
  const module: Module | undefined = catalog.courses[0]?.modules[0];
  if (!module) return;
  void module.htmlBefore;
  void module.quiz?.introHtml;
  for (const question of module.quiz?.questions ?? []) void question.promptHtml;
}
