import { rm } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../../shared/errors.ts';
import { fsyncDir } from '../../shared/fs/write-file-atomic.ts';
import { LastModuleError } from '../errors.ts';
import type { StudioContext } from '../studio-context.ts';
import { withDraftModules } from '../with-draft-modules.ts';

/** Deletes a module from the draft (the published course keeps it until the next publication). */
export async function deleteModule(ctx: StudioContext, slug: string, file: string): Promise<void> {
  await withDraftModules(ctx, slug, async (dir, modules) => {
    if (!modules.some((m) => m.file === file)) throw new NotFoundError();
    if (modules.length === 1) throw new LastModuleError();
    await rm(path.join(dir, file));
    await fsyncDir(dir);
  });
}
