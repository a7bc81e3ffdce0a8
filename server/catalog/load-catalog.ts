import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, Course, Module } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { loadCourse } from './load-course.ts';

/**
 * Loads every course folder once. A broken course is reported and left out; the others are served,
 * so one trainer's typo never takes the whole catalog down. This runs on the main thread, not in a course
 * worker: the checks are linear and bounded (limits.ts), and pages stay rendered on first view, which a
 * worker could not send back; a published course has passed the same checks when it was published.
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
  warmUpRendering(courses[0]?.modules[0]);
  return {
    catalog: { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) },
    issues: results.flatMap((r) => r.issues),
  };
}

/**
 * Markdown is rendered on a module's first view (render-once.ts). The very first rendering in a process
 * also compiles the renderer's code, ~40 ms on one core: doing it for one module now moves that cost into
 * start-up instead of stalling the event loop during the first learner's request.
 */
function warmUpRendering(module: Module | undefined): void {
  if (!module) return;
  void module.htmlBefore;
  void module.quiz?.introHtml;
  for (const question of module.quiz?.questions ?? []) void question.promptHtml;
}
