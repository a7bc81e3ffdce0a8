import { NotFoundError } from '../../shared/errors.ts';
import { renumberModules } from '../renumber-modules.ts';
import type { StudioContext } from '../studio-context.ts';
import { withDraftModules } from '../with-draft-modules.ts';

/** Moves a module one place up or down; every module is renumbered 01, 02… */
export async function moveModule(
  ctx: StudioContext,
  slug: string,
  file: string,
  direction: 'up' | 'down',
): Promise<void> {
  await withDraftModules(ctx, slug, async (dir, modules) => {
    const index = modules.findIndex((m) => m.file === file);
    if (index === -1) throw new NotFoundError();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= modules.length) return;
    [modules[index], modules[other]] = [modules[other]!, modules[index]!];
    await renumberModules(dir, modules);
  });
}
