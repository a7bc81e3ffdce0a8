import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, Course } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { loadCourse } from './load-course.ts';

/**
 * Loads every course folder once. A broken course is reported and left out; the others are served,
 * so one trainer's typo never takes the whole catalog down.
 */
export async function loadCatalog(
  coursesDir: string,
  displayRoot = process.cwd(),
): Promise<{ catalog: Catalog; issues: CourseIssue[] }> {
  const entries = await readdir(coursesDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const dirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const results = await Promise.all(dirs.map((name) => loadCourse(path.join(coursesDir, name), { displayRoot })));
  const courses: Course[] = results.flatMap((r) => (r.course ? [r.course] : []));
  return {
    catalog: { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) },
    issues: results.flatMap((r) => r.issues),
  };
}
