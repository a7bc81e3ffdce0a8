import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Course } from '../../catalog/course.ts';
import type { CourseIssue } from '../../catalog/course-issue.ts';
import { jobAidFile } from '../../catalog/job-aid.ts';
import { moduleFilePattern } from '../../catalog/module-file-pattern.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { copyDir } from '../../shared/fs/copy-dir.ts';
import { isFile } from '../../shared/fs/is-file.ts';
import { withStageDir } from '../../shared/fs/stage-dir.ts';
import { checkUntrustedCourse } from '../check-untrusted-course.ts';
import { courseDirState } from '../course-dir-state.ts';
import type { StudioContext } from '../studio-context.ts';

export const previewUrlBase = '/studio/preview';

export interface FilePreview {
  /** The course as learners would get it, when the text can be rendered. */
  course: Course | undefined;
  /** Index of the previewed module in `course.modules`; -1 for course.md. */
  moduleIndex: number;
  /** Rendered without the other modules, because they have errors of their own. */
  isolated: boolean;
  /** Problems in the previewed file, with their line numbers. */
  fileIssues: CourseIssue[];
  /** Problems elsewhere in the course (they block publication, not this preview). */
  otherIssues: CourseIssue[];
}

/**
 * Validates and renders one file of a course, with `source` in place of the saved text when given (unsaved
 * text from the editor). The course is loaded from a scratch copy (hard links, the edited file written
 * anew) with the same loader as the catalog, so the preview is exactly what learners would get.
 */
export async function previewCourseFile(
  ctx: StudioContext,
  slug: string,
  file: string,
  source?: string,
): Promise<FilePreview> {
  return withStageDir(ctx.paths.tmpDir, 'preview', async (stage) => {
    const fullRoot = path.join(stage, 'full');
    const full = path.join(fullRoot, slug);
    // Under the course lock: a rename or a publication must not happen halfway through the copy.
    await ctx.lock.run(slug, async () => {
      const dir = (await courseDirState(ctx, slug)).currentDir;
      if (!dir || !(await isFile(path.join(dir, file)))) throw new NotFoundError();
      // Images become empty files: the loader only checks that they exist, but hashes every byte.
      await copyDir(dir, full, { link: true, placeholder: (rel) => !rel.endsWith('.md') });
    });
    if (source !== undefined) {
      // Remove the link before writing: writing through it would change the draft itself.
      await rm(path.join(full, file), { force: true });
      await writeFile(path.join(full, file), source);
    }
    const loaded = await checkUntrustedCourse(ctx, full, { displayRoot: fullRoot, urlBase: previewUrlBase });
    const shown = `${slug}/${file}`;
    const fileIssues = loaded.issues.filter((i) => i.file === shown);
    const otherIssues = loaded.issues.filter((i) => i.file !== shown);
    if (loaded.course) {
      const moduleIndex = loaded.course.modules.findIndex((m) => m.file === file);
      return { course: loaded.course, moduleIndex, isolated: false, fileIssues, otherIssues };
    }
    // The course sheet and the job aid are previewed within a whole course; so is a module with issues.
    if (file === 'course.md' || file === jobAidFile || fileIssues.length > 0) {
      return { course: undefined, moduleIndex: -1, isolated: false, fileIssues, otherIssues };
    }
    // Another module is broken: render this one alone with the course sheet.
    const isoRoot = path.join(stage, 'isolated');
    const isolated = path.join(isoRoot, slug);
    await copyDir(full, isolated, { link: true, skip: (rel) => moduleFilePattern.test(rel) && rel !== file });
    const alone = await checkUntrustedCourse(ctx, isolated, { displayRoot: isoRoot, urlBase: previewUrlBase });
    return { course: alone.course, moduleIndex: alone.course ? 0 : -1, isolated: true, fileIssues, otherIssues };
  });
}
