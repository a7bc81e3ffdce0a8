import { ensureDraft } from './ensure-draft.ts';
import { listModuleFiles, type ModuleFile } from './list-module-files.ts';
import type { StudioContext } from './studio-context.ts';

/**
 * Runs `change` under the course lock with the draft's folder and its modules in order. The draft is
 * first copied from the published course when there is none: edits never touch what learners read.
 */
export function withDraftModules<T>(
  ctx: StudioContext,
  slug: string,
  change: (dir: string, modules: ModuleFile[]) => Promise<T>,
): Promise<T> {
  return ctx.lock.run(slug, async () => {
    const dir = await ensureDraft(ctx, slug);
    return change(dir, await listModuleFiles(dir));
  });
}
