import type { Course } from '../../catalog/course.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { currentCourseDir } from '../course-dir-state.ts';
import { CourseInvalidError } from '../errors.ts';
import { listModuleFiles } from '../list-module-files.ts';
import type { StudioContext } from '../studio-context.ts';
import { previewCourseFile } from './preview-course-file.ts';

/** A module of the saved draft as learners will get it, or why it cannot be shown (its own errors). */
export async function previewModule(
  ctx: StudioContext,
  slug: string,
  moduleSlug: string,
): Promise<{ course: Course; index: number; file: string }> {
  const module = (await listModuleFiles(await currentCourseDir(ctx, slug))).find((m) => m.slug === moduleSlug);
  if (!module) throw new NotFoundError();
  const preview = await previewCourseFile(ctx, slug, module.file);
  if (!preview.course || preview.moduleIndex === -1) {
    throw new CourseInvalidError('studio.refused.previewHasErrors', preview.fileIssues);
  }
  return { course: preview.course, index: preview.moduleIndex, file: module.file };
}
