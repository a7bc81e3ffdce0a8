import { NotFoundError } from '../../shared/errors.ts';
import { courseDirState } from '../course-dir-state.ts';
import { courseVersions } from '../queries.ts';
import type { CourseVersion } from '../schema.ts';
import type { StudioContext } from '../studio-context.ts';

export interface CourseHistory {
  /** Newest first. */
  versions: Readonly<CourseVersion>[];
  /** The version learners see, if the course is in the catalog. */
  current: number | undefined;
  hasDraft: boolean;
}

/** The published versions of a course kept in the history. */
export async function courseHistory(ctx: StudioContext, slug: string): Promise<CourseHistory> {
  const state = await courseDirState(ctx, slug);
  if (!state.currentDir) throw new NotFoundError();
  return {
    versions: await courseVersions(ctx.store, slug),
    current: ctx.catalog.get().bySlug.get(slug)?.version,
    hasDraft: Boolean(state.draftDir),
  };
}
