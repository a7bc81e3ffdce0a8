import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../../shared/errors.ts';
import { fsyncDir, writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { checkModuleSlugFree } from '../check-module-slug-free.ts';
import { moduleFileName } from '../course-file-name.ts';
import { setFrontMatterField } from '../front-matter-field.ts';
import type { StudioContext } from '../studio-context.ts';
import { withDraftModules } from '../with-draft-modules.ts';

/**
 * Changes a module's title (its `titre` line) and, if asked, the name in its address (the file name).
 * Returns the module's file name after the change.
 */
export async function renameModule(
  ctx: StudioContext,
  slug: string,
  file: string,
  input: { title: string; moduleSlug: string },
): Promise<string> {
  return withDraftModules(ctx, slug, async (dir, modules) => {
    const module = modules.find((m) => m.file === file);
    if (!module) throw new NotFoundError();
    if (input.moduleSlug !== module.slug) checkModuleSlugFree(modules, input.moduleSlug);
    const source = await readFile(path.join(dir, file), 'utf8');
    const updated = input.title === module.title ? source : setFrontMatterField(source, 'titre', input.title);
    const target = moduleFileName(module.number, input.moduleSlug);
    // Rename first (atomic), then rewrite the title: a crash in between leaves a valid module.
    if (target !== file) {
      await rename(path.join(dir, file), path.join(dir, target));
      await fsyncDir(dir);
    }
    if (updated !== source) await writeFileAtomic(path.join(dir, target), updated);
    return target;
  });
}
