import path from 'node:path';
import { assembleCourse } from './assemble-course.ts';
import { checkModuleSet } from './check-module-set.ts';
import { checkPositioning } from './check-positioning.ts';
import type { Course } from './course.ts';
import type { CourseFolder } from './course-folder.ts';
import type { CourseIssue } from './course-issue.ts';
import { hashCourseFiles } from './hash-course-files.ts';
import { jobAidFile } from './job-aid.ts';
import { assetExtensions } from './limits.ts';
import { listCourseFiles } from './list-course-files.ts';
import { loadModules } from './load-modules.ts';
import { parseCourseSheet } from './parse-course-sheet.ts';
import { parseJobAid } from './parse-job-aid.ts';

// Importers outside the catalog still take the two file-name patterns from here.

export interface LoadCourseOptions {
  /** Issues name files relative to this folder (the project root, usually). */
  displayRoot: string;
  /** URL prefix of courses; `/courses` for the published catalog, another for studio previews. */
  urlBase?: string;
  /** Called with each Markdown file's name, as issues name it, before the file is read. */
  onFile?: (file: string) => void;
}

export interface LoadCourseResult {
  course: Course | undefined;
  issues: CourseIssue[];
}

/** Reads, validates and renders one course folder. Never throws on bad content: it reports issues. */
export async function loadCourse(dir: string, options: LoadCourseOptions): Promise<LoadCourseResult> {
  const slug = path.basename(dir);
  const urlBase = options.urlBase ?? '/courses';
  const files = await listCourseFiles(dir);
  const folder: CourseFolder = {
    dir,
    slug,
    files,
    assets: new Set(files.filter((f) => assetExtensions.includes(path.extname(f).toLowerCase()))),
    ctx: { assetBase: `${urlBase}/${slug}/assets/`, moduleBase: `${urlBase}/${slug}/` },
    display: (file) => path.relative(options.displayRoot, path.join(dir, file)) || file,
    read: new Map(),
    onFile: options.onFile,
  };
  const sheet = parseCourseSheet(folder);
  const moduleFiles = files.filter(
    (f) => !f.includes('/') && f.endsWith('.md') && f !== 'course.md' && f !== jobAidFile,
  );
  const { modules, issues: moduleIssues } = loadModules(
    folder,
    moduleFiles,
    sheet.front?.seuil_reussite ?? 80,
    sheet.front?.objectifs.length,
  );
  const allLoaded = modules.length === moduleFiles.length;
  const { jobAid, issues: jobAidIssues } = parseJobAid(folder);
  const issues = [
    ...sheet.issues,
    ...moduleIssues,
    ...checkModuleSet(moduleFiles, modules, folder.display),
    ...(allLoaded ? checkPositioning(modules, folder.display) : []),
    ...jobAidIssues,
  ];
  if (issues.length > 0 || !sheet.front) return { course: undefined, issues };
  const contentHash = await hashCourseFiles(dir, files, folder.read);
  return {
    issues,
    course: assembleCourse(folder, sheet.front, { introHtml: sheet.introHtml, modules, jobAid, contentHash }),
  };
}
