import { NotFoundError } from '../shared/errors.ts';
import { ensureDraft } from './ensure-draft.ts';
import { listModuleFiles } from './list-module-files.ts';
import { renumberModules } from './renumber-modules.ts';
import type { StudioContext } from './studio-context.ts';

/** Moves a module one place up or down; every module is renumbered 01, 02… */
export async function moveModule(
  ctx: StudioContext,
  slug: string,
  file: string,
  direction: 'up' | 'down',
): Promise<void> {
  await ctx.lock.run(slug, async () => {
    const dir = await ensureDraft(ctx, slug);
    const modules = await listModuleFiles(dir);
    const index = modules.findIndex((m) => m.file === file);
    if (index === -1) throw new NotFoundError();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= modules.length) return;
    [modules[index], modules[other]] = [modules[other]!, modules[index]!];
    await renumberModules(dir, modules);
  });
}
