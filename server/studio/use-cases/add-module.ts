import path from 'node:path';
import { limits } from '../../catalog/limits.ts';
import { writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { checkModuleSlugFree } from '../check-module-slug-free.ts';
import { moduleFileName } from '../course-file-name.ts';
import { moduleTemplate } from '../course-templates.ts';
import { TooManyModulesError } from '../errors.ts';
import { renumberModules } from '../renumber-modules.ts';
import type { StudioContext } from '../studio-context.ts';
import { withDraftModules } from '../with-draft-modules.ts';

/**
 * Adds a module from the template at the end of the course, or just before the final assessment (which
 * must stay last), then renumbers 01, 02… Returns the new file name.
 */
export async function addModule(
  ctx: StudioContext,
  slug: string,
  input: { title: string; moduleSlug: string },
): Promise<string> {
  return withDraftModules(ctx, slug, async (dir, modules) => {
    checkModuleSlugFree(modules, input.moduleSlug);
    if (modules.length >= limits.modulesPerCourse) throw new TooManyModulesError(limits.modulesPerCourse);
    const file = moduleFileName(modules.length + 1, input.moduleSlug);
    await writeFileAtomic(path.join(dir, file), moduleTemplate({ title: input.title }));
    const created = { file, number: modules.length + 1, slug: input.moduleSlug, title: input.title, isFinal: false };
    const last = modules.at(-1);
    const ordered = last?.isFinal ? [...modules.slice(0, -1), created, last] : [...modules, created];
    const names = await renumberModules(dir, ordered);
    return names.get(input.moduleSlug)!;
  });
}
