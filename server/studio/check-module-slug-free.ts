import { ModuleSlugTakenError } from './errors.ts';
import type { ModuleFile } from './list-module-files.ts';

/** Two modules of a course never share a slug: it is their address, and learners' progress is kept by it. */
export function checkModuleSlugFree(modules: readonly ModuleFile[], moduleSlug: string): void {
  if (modules.some((m) => m.slug === moduleSlug)) throw new ModuleSlugTakenError(moduleSlug);
}
