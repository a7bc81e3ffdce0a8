import path from 'node:path';
import type { Course } from '../../catalog/course.ts';
import { loadCourse } from '../../catalog/load-course.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { courseDirState, versionDir } from '../course-dir-state.ts';
import { courseVersion } from '../queries.ts';
import type { CourseVersion } from '../schema.ts';
import type { StudioContext } from '../studio-context.ts';

export const historyUrlBase = (version: number) => `/studio/history/${version}`;

export interface HistoryVersion {
  row: Readonly<CourseVersion>;
  /** Undefined when the kept folder no longer passes the validator. */
  course: Course | undefined;
  /** The version learners see, if the course is in the catalog. */
  current: number | undefined;
  hasDraft: boolean;
}

/** One version of the history, as recorded and as kept on disk. */
export async function historyVersion(ctx: StudioContext, slug: string, version: number): Promise<HistoryVersion> {
  const row = await courseVersion(ctx.store, slug, version);
  if (!row) throw new NotFoundError();
  const dir = await versionDir(ctx, slug, version);
  const [{ course }, state] = await Promise.all([
    loadCourse(dir, { displayRoot: path.dirname(dir), urlBase: historyUrlBase(version) }),
    courseDirState(ctx, slug),
  ]);
  return { row, course, current: ctx.catalog.get().bySlug.get(slug)?.version, hasDraft: Boolean(state.draftDir) };
}
