import type { CourseIssue } from './course-issue.ts';
import type { ModuleText } from './course-text.ts';
import { limits } from './limits.ts';

/** Names of the course's own pages, whose addresses sit beside the modules' (`/courses/x/fiche`). */
const reservedSlugs = ['fiche', 'resume'];

/** Rules on the course's modules as a whole: at least one, not too many, one final assessment, last. */
export function checkModuleSet(
  moduleFiles: string[],
  modules: ModuleText[],
  display: (file: string) => string,
): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const sheet = display('course.md');
  if (moduleFiles.length === 0)
    issues.push({
      file: sheet,
      line: 1,
      message: 'le cours n’a aucun module (fichiers « 01-nom.md », « 02-nom.md »…).',
    });
  if (moduleFiles.length > limits.modulesPerCourse)
    issues.push({ file: sheet, line: 1, message: `trop de modules (au plus ${limits.modulesPerCourse}).` });
  for (const module of modules.filter((m) => reservedSlugs.includes(m.slug)))
    issues.push({
      file: display(module.file),
      line: 1,
      message: `le nom « ${module.slug} » est réservé (c’est l’adresse d’une autre page du cours) : renommez ce module.`,
    });
  const finals = modules.filter((m) => m.isFinal);
  if (finals.length > 1)
    issues.push({
      file: display(finals[1]!.file),
      line: 1,
      message: 'un seul module peut porter « evaluation_finale: true ».',
    });
  // Only when every module loaded: with one left out, "last" would be judged on an incomplete list.
  if (finals.length === 1 && modules.at(-1) !== finals[0] && moduleFiles.length === modules.length)
    issues.push({
      file: display(finals[0]!.file),
      line: 1,
      message: 'l’évaluation finale doit être le dernier module du cours (numéro le plus grand).',
    });
  return issues;
}
