import path from 'node:path';
import { copyDir } from '../../shared/fs/copy-dir.ts';
import { withStageDir } from '../../shared/fs/stage-dir.ts';
import { auditCourseChange } from '../audit-course-change.ts';
import { versionDir } from '../course-dir-state.ts';
import type { Actor, StudioContext } from '../studio-context.ts';
import { swapThenRecord } from '../swap-then-record.ts';

/**
 * Makes an old published version the course's draft (replacing the current draft). Nothing changes for
 * learners until the trainer publishes it, as a new version number.
 */
export async function restoreVersion(ctx: StudioContext, slug: string, version: number, actor: Actor): Promise<void> {
  await ctx.lock.run(slug, async () => {
    const source = await versionDir(ctx, slug, version);
    await withStageDir(ctx.paths.draftsDir, 'restore', async (stage) => {
      const staged = path.join(stage, slug);
      await copyDir(source, staged, { durable: true });
      await swapThenRecord(staged, ctx.paths.draft(slug), () =>
        auditCourseChange(ctx, actor, 'course.version_restored', slug, { version }),
      );
    });
  });
}
