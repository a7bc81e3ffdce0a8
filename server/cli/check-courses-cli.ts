import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkCueing } from '../catalog/check-cueing.ts';
import { checkJobAidFits } from '../catalog/check-job-aid-fits.ts';
import type { Course } from '../catalog/course.ts';
import { type CourseIssue, formatCourseIssue } from '../catalog/course-issue.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { loadCourse } from '../catalog/load-course.ts';
import { moduleFilePattern } from '../catalog/module-file-pattern.ts';

/**
 * `npm run courses:check [-- [--strict] [dir]]`: validates a folder of courses (or one course), lists every
 * error (a job aid longer than one page among them), then the warnings of the cueing check (check-cueing.ts). Errors fail the command; warnings only
 * with `--strict`.
 */
async function main(args: string[]): Promise<number> {
  const strict = args.includes('--strict');
  const unknown = args.find((a) => a.startsWith('-') && a !== '--strict');
  if (unknown) {
    console.error(`Option inconnue : ${unknown}. Usage : npm run courses:check -- [--strict] [dossier]`);
    return 2;
  }
  const target = path.resolve(args.find((a) => !a.startsWith('-')) ?? process.env.COURSES_DIR ?? 'courses');
  const info = await stat(target).catch(() => undefined);
  if (!info?.isDirectory()) {
    console.error(`Dossier introuvable : ${path.relative(process.cwd(), target) || target}`);
    return 2;
  }
  // A folder with a course sheet or a module is one course, even when its course.md is missing: read as a
  // folder of courses, it would be reported under its sub-folders (images/course.md…), not where it is.
  const isSingleCourse = (await readdir(target)).some((name) => name === 'course.md' || moduleFilePattern.test(name));
  const { courses, issues: loadIssues } = isSingleCourse
    ? await loadCourse(target, { displayRoot: process.cwd() }).then((r) => ({
        courses: r.course ? [r.course] : [],
        issues: r.issues,
      }))
    : await loadCatalog(target).then((r) => ({ courses: r.catalog.courses, issues: r.issues }));
  const issues = [...loadIssues, ...(await Promise.all(courses.map(jobAidIssues))).flat()];
  for (const issue of issues) console.log(formatCourseIssue(issue));
  const warnings = courses.flatMap(cueingWarnings);
  for (const warning of warnings) console.log(formatCourseIssue(warning));
  for (const course of courses) {
    console.log(`✓ ${course.slug} — ${course.title} (${course.modules.length} modules, version ${course.version})`);
  }
  if (issues.length > 0) {
    console.log(`\n${issues.length} erreur(s) à corriger.`);
    return 1;
  }
  if (warnings.length > 0) {
    console.log(
      strict
        ? `\n${warnings.length} avertissement(s) : refusé avec --strict.`
        : `\n${warnings.length} avertissement(s) : le cours est valide, mais ses quiz se devinent sans l’avoir lu.`,
    );
    return strict ? 1 : 0;
  }
  console.log(courses.length === 0 ? 'Aucun cours trouvé.' : 'Tout est correct.');
  return courses.length === 0 ? 1 : 0;
}

function jobAidIssues(course: Course): Promise<CourseIssue[]> {
  return checkJobAidFits(course, (file) => path.relative(process.cwd(), path.join(course.dir, file)));
}

function cueingWarnings(course: Course): CourseIssue[] {
  return checkCueing(course).map((w) => ({
    ...w,
    file: path.relative(process.cwd(), path.join(course.dir, w.file)),
    message: `avertissement : ${w.message}`,
  }));
}

process.exitCode = await main(process.argv.slice(2));
