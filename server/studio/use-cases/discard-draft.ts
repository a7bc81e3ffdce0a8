import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../../shared/errors.ts';
import { fsyncDir } from '../../shared/fs/write-file-atomic.ts';
import { auditCourseChange } from '../audit-course-change.ts';
import { courseDirState } from '../course-dir-state.ts';
import type { Actor, StudioContext } from '../studio-context.ts';

/**
 * Throws the draft away. For a course never published, that deletes the course: the confirmation page
 * says so, and the result tells whether the course is gone.
 */
export async function discardDraft(
  ctx: StudioContext,
  slug: string,
  actor: Actor,
): Promise<{ courseRemoved: boolean }> {
  return ctx.lock.run(slug, async () => {
    const state = await courseDirState(ctx, slug);
    if (!state.draftDir) throw new NotFoundError();
    // Renamed away first (atomic), then removed: the draft never exists half-deleted.
    const trash = path.join(ctx.paths.draftsDir, `.${slug}.discarded-${Date.now()}`);
    await rename(state.draftDir, trash);
    await fsyncDir(ctx.paths.draftsDir);
    await rm(trash, { recursive: true, force: true });
    await auditCourseChange(ctx, actor, 'course.draft_discarded', slug);
    return { courseRemoved: !state.publishedDir };
  });
}
