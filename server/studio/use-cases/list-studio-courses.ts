import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { courseSlugPattern } from '../../catalog/course-slug-pattern.ts';
import { getFrontMatterField } from '../front-matter-field.ts';
import type { StudioContext } from '../studio-context.ts';

export interface StudioCourseSummary {
  slug: string;
  title: string;
  /** The version learners see; undefined when not in the catalog. */
  publishedVersion: number | undefined;
  /** A folder exists in the courses folder but does not validate, so learners do not see it. */
  publishedBroken: boolean;
  hasDraft: boolean;
}

const courseFolders = async (dir: string) =>
  (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && courseSlugPattern.test(e.name))
    .map((e) => e.name);

const titleIn = async (dir: string) => {
  const source = await readFile(path.join(dir, 'course.md'), 'utf8').catch(() => '');
  const title = getFrontMatterField(source, 'titre');
  return typeof title === 'string' && title.trim() ? title.trim() : undefined;
};

/** Every course the studio can open: published folders and drafts (new courses exist only as drafts). */
export async function listStudioCourses(ctx: StudioContext): Promise<StudioCourseSummary[]> {
  const [published, drafts] = await Promise.all([
    courseFolders(ctx.paths.coursesDir),
    courseFolders(ctx.paths.draftsDir),
  ]);
  const catalog = ctx.catalog.get();
  const slugs = [...new Set([...published, ...drafts])].sort();
  return Promise.all(
    slugs.map(async (slug) => {
      const hasDraft = drafts.includes(slug);
      const inCatalog = catalog.bySlug.get(slug);
      const title =
        (hasDraft ? await titleIn(ctx.paths.draft(slug)) : undefined) ??
        inCatalog?.title ??
        (await titleIn(ctx.paths.published(slug))) ??
        slug;
      return {
        slug,
        title,
        publishedVersion: inCatalog?.version,
        publishedBroken: published.includes(slug) && !inCatalog,
        hasDraft,
      };
    }),
  );
}
