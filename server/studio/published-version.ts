import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getFrontMatterField } from './front-matter-field.ts';
import { courseVersions } from './queries.ts';
import type { StudioContext } from './studio-context.ts';

/**
 * The version number learners currently see, 0 if the course was never published. The highest of the
 * catalog, the history and the file itself: a course edited by hand may say more than the history knows.
 */
export async function publishedVersion(ctx: StudioContext, slug: string): Promise<number> {
  const inCatalog = ctx.catalog.get().bySlug.get(slug)?.version ?? 0;
  const inHistory = (await courseVersions(ctx.store, slug))[0]?.version ?? 0;
  const source = await readFile(path.join(ctx.paths.published(slug), 'course.md'), 'utf8').catch(() => undefined);
  const declared = source === undefined ? undefined : getFrontMatterField(source, 'version');
  const onDisk = source === undefined ? 0 : Number.isSafeInteger(declared) ? (declared as number) : 1;
  return Math.max(inCatalog, inHistory, onDisk);
}
