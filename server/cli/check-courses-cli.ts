import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatCourseIssue } from '../catalog/course-issue.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { loadCourse } from '../catalog/load-course.ts';
import { moduleFilePattern } from '../catalog/module-file-pattern.ts';

/** `npm run courses:check [dir]`: validates a folder of courses (or one course) and lists every problem. */
async function main(): Promise<number> {
  const target = path.resolve(process.argv[2] ?? process.env.COURSES_DIR ?? 'courses');
  const info = await stat(target).catch(() => undefined);
  if (!info?.isDirectory()) {
    console.error(`Dossier introuvable : ${path.relative(process.cwd(), target) || target}`);
    return 2;
  }
  // A folder with a course sheet or a module is one course, even when its course.md is missing: read as a
  // folder of courses, it would be reported under its sub-folders (images/course.md…), not where it is.
  const isSingleCourse = (await readdir(target)).some((name) => name === 'course.md' || moduleFilePattern.test(name));
  const { courses, issues } = isSingleCourse
    ? await loadCourse(target, { displayRoot: process.cwd() }).then((r) => ({
        courses: r.course ? [r.course] : [],
        issues: r.issues,
      }))
    : await loadCatalog(target).then((r) => ({ courses: r.catalog.courses, issues: r.issues }));
  for (const issue of issues) console.log(formatCourseIssue(issue));
  for (const course of courses) {
    console.log(`✓ ${course.slug} — ${course.title} (${course.modules.length} modules, version ${course.version})`);
  }
  if (issues.length > 0) {
    console.log(`\n${issues.length} erreur(s) à corriger.`);
    return 1;
  }
  console.log(courses.length === 0 ? 'Aucun cours trouvé.' : 'Tout est correct.');
  return courses.length === 0 ? 1 : 0;
}

process.exitCode = await main();
