import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { AppStore } from '../../store/app-collections.ts';
import type { StudioPaths } from '../studio-paths.ts';

/** Every course with a draft, a kept version or a studio publication: what the studio would sync. */
export async function studioCourseSlugs(store: AppStore, paths: StudioPaths): Promise<string[]> {
  const slugs = new Set<string>();
  const versionsDir = path.dirname(path.dirname(path.dirname(paths.version('x', 1))));
  for (const dir of [paths.draftsDir, versionsDir])
    for (const name of await readdir(dir).catch(() => [] as string[])) if (!name.startsWith('.')) slugs.add(name);
  for await (const version of store.all('courseVersions')) slugs.add(version.course);
  return [...slugs].sort();
}
