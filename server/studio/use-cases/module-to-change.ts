import { NotFoundError } from '../../shared/errors.ts';
import { currentCourseDir } from '../course-dir-state.ts';
import { listModuleFiles, type ModuleFile } from '../list-module-files.ts';
import type { StudioContext } from '../studio-context.ts';

/**
 * A module about to be renamed or deleted, and whether learners have it: their progress is recorded by
 * module slug, so renaming or deleting a published module detaches it.
 */
export async function moduleToChange(
  ctx: StudioContext,
  slug: string,
  file: string,
): Promise<{ module: ModuleFile; isPublished: boolean }> {
  const module = (await listModuleFiles(await currentCourseDir(ctx, slug))).find((m) => m.file === file);
  if (!module) throw new NotFoundError();
  const published = ctx.catalog.get().bySlug.get(slug);
  return { module, isPublished: Boolean(published?.modules.some((m) => m.slug === module.slug)) };
}
