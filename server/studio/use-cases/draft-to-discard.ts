import { NotFoundError } from '../../shared/errors.ts';
import { courseDirState } from '../course-dir-state.ts';
import type { StudioContext } from '../studio-context.ts';

/** The draft about to be discarded; for a course never published, discarding it deletes the course. */
export async function draftToDiscard(ctx: StudioContext, slug: string): Promise<{ isPublished: boolean }> {
  const state = await courseDirState(ctx, slug);
  if (!state.draftDir) throw new NotFoundError();
  return { isPublished: Boolean(state.publishedDir) };
}
