import path from 'node:path';
import { assembleCourse } from './assemble-course.ts';
import { checkModuleSet } from './check-module-set.ts';
import { checkPositioning } from './check-positioning.ts';
import type { Course } from './course.ts';
import type { CourseFolder } from './course-folder.ts';
import type { CourseIssue } from './course-issue.ts';
import type { CourseText } from './course-text.ts';
import { courseFilesDigest } from './hash-course-files.ts';
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
  const { text, issues } = await readCourse(dir, options);
  return { issues, course: text && assembleCourse(courseLocation(dir, options.urlBase), text) };
}

/** Where a course folder's pages and assets are served: what its text needs to become the catalog's course. */
export function courseLocation(dir: string, urlBase = '/courses'): Pick<CourseFolder, 'dir' | 'slug' | 'ctx'> {
  const slug = path.basename(dir);
  return { dir, slug, ctx: { assetBase: `${urlBase}/${slug}/assets/`, moduleBase: `${urlBase}/${slug}/` } };
}

/**
 * Reads and validates one course folder into its text (course-text.ts), with the SHA-256 of the very bytes
 * it checked (`digest`: what the catalog cache files the text under). No text when there are issues.
 */
export async function readCourse(
  dir: string,
  options: LoadCourseOptions,
): Promise<{ text: CourseText | undefined; issues: CourseIssue[]; digest?: string }> {
  const files = await listCourseFiles(dir);
  const folder: CourseFolder = {
    ...courseLocation(dir, options.urlBase),
    files,
    assets: new Set(files.filter((f) => assetExtensions.includes(path.extname(f).toLowerCase()))),
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
  if (issues.length > 0 || !sheet.front) return { text: undefined, issues };
  const digest = await courseFilesDigest(dir, files, folder.read);
  const text: CourseText = {
    front: sheet.front,
    intro: sheet.intro,
    modules,
    jobAid,
    contentHash: digest.slice(0, 16),
  };
  // A copy, as a catalog cache entry is read. The parsed strings are cut out of each file's text, and V8
  // keeps a cut string's whole source alive: a question's prompt held its module's entire file, ~7 MB of
  // Markdown and YAML for 50 courses until the next restart. A copy holds only what the course keeps.
  return { issues, digest, text: JSON.parse(JSON.stringify(text)) as CourseText };
}
