import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../audit/record-audit.ts';
import { courseDirState } from './course-dir-state.ts';
import type { Actor } from './publish-course.ts';
import type { StudioContext } from './studio-context.ts';
import { fsyncDir } from './write-file-atomic.ts';

/**
 * Throws the draft away. For a course never published, that deletes the course: the confirmation page
 * says so. Returns false when there was no draft.
 */
export async function discardDraft(ctx: StudioContext, slug: string, actor: Actor): Promise<boolean> {
  return ctx.lock.run(slug, async () => {
    const state = await courseDirState(ctx, slug);
    if (!state.draftDir) return false;
    // Renamed away first (atomic), then removed: the draft never exists half-deleted.
    const trash = path.join(ctx.paths.draftsDir, `.${slug}.discarded-${Date.now()}`);
    await rename(state.draftDir, trash);
    await fsyncDir(ctx.paths.draftsDir);
    await rm(trash, { recursive: true, force: true });
    await ctx.store.transact((tx) => {
      recordAudit(tx, { at: ctx.clock(), actorId: actor.id, action: 'course.draft_discarded', target: slug });
    });
    return true;
  });
}
