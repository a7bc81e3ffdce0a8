import { rm } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../shared/errors.ts';
import { ensureDraft } from './ensure-draft.ts';
import { listModuleFiles } from './list-module-files.ts';
import type { StudioContext } from './studio-context.ts';
import { StudioError } from './studio-error.ts';
import { fsyncDir } from './write-file-atomic.ts';

/** Deletes a module from the draft (the published course keeps it until the next publication). */
export async function deleteModule(ctx: StudioContext, slug: string, file: string): Promise<void> {
  await ctx.lock.run(slug, async () => {
    const dir = await ensureDraft(ctx, slug);
    const modules = await listModuleFiles(dir);
    if (!modules.some((m) => m.file === file)) throw new NotFoundError();
    if (modules.length === 1) throw new StudioError(409, 'une formation garde au moins un module.');
    await rm(path.join(dir, file));
    await fsyncDir(dir);
  });
}
