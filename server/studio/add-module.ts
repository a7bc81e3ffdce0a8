import path from 'node:path';
import { limits } from '../catalog/limits.ts';
import { moduleFileName } from './course-file-name.ts';
import { moduleTemplate } from './course-templates.ts';
import { ensureDraft } from './ensure-draft.ts';
import { listModuleFiles } from './list-module-files.ts';
import { renumberModules } from './renumber-modules.ts';
import type { StudioContext } from './studio-context.ts';
import { StudioError } from './studio-error.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * Adds a module from the template at the end of the course, or just before the final assessment (which
 * must stay last), then renumbers 01, 02… Returns the new file name.
 */
export async function addModule(
  ctx: StudioContext,
  slug: string,
  input: { title: string; moduleSlug: string },
): Promise<string> {
  return ctx.lock.run(slug, async () => {
    const dir = await ensureDraft(ctx, slug);
    const modules = await listModuleFiles(dir);
    if (modules.some((m) => m.slug === input.moduleSlug)) {
      throw new StudioError(409, `un module s’appelle déjà « ${input.moduleSlug} » dans cette formation.`);
    }
    if (modules.length >= limits.modulesPerCourse) {
      throw new StudioError(409, `une formation a au plus ${limits.modulesPerCourse} modules.`);
    }
    const file = moduleFileName(modules.length + 1, input.moduleSlug);
    await writeFileAtomic(path.join(dir, file), moduleTemplate({ title: input.title }));
    const created = { file, number: modules.length + 1, slug: input.moduleSlug, title: input.title, isFinal: false };
    const last = modules.at(-1);
    const ordered = last?.isFinal ? [...modules.slice(0, -1), created, last] : [...modules, created];
    const names = await renumberModules(dir, ordered);
    return names.get(input.moduleSlug)!;
  });
}
