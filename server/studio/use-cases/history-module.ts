import path from 'node:path';
import type { Course } from '../../catalog/course.ts';
import { loadCourse } from '../../catalog/load-course.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { versionDir } from '../course-dir-state.ts';
import type { StudioContext } from '../studio-context.ts';
import { historyUrlBase } from './history-version.ts';

/** A module of a kept version, to show as learners saw it. */
export async function historyModule(
  ctx: StudioContext,
  slug: string,
  version: number,
  moduleSlug: string,
): Promise<{ course: Course; index: number }> {
  const dir = await versionDir(ctx, slug, version);
  const { course } = await loadCourse(dir, { displayRoot: path.dirname(dir), urlBase: historyUrlBase(version) });
  const index = course?.modules.findIndex((m) => m.slug === moduleSlug) ?? -1;
  if (!course || index === -1) throw new NotFoundError();
  return { course, index };
}
