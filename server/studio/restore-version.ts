import { stat } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../audit/record-audit.ts';
import { NotFoundError } from '../shared/errors.ts';
import { copyDir } from './copy-dir.ts';
import type { Actor } from './publish-course.ts';
import { withStageDir } from './stage-dir.ts';
import type { StudioContext } from './studio-context.ts';
import { swapDir } from './swap-dir.ts';

/**
 * Makes an old published version the course's draft (replacing the current draft). Nothing changes for
 * learners until the trainer publishes it, as a new version number.
 */
export async function restoreVersion(ctx: StudioContext, slug: string, version: number, actor: Actor): Promise<void> {
  const source = ctx.paths.version(slug, version);
  await ctx.lock.run(slug, async () => {
    if (
      !(await stat(source).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      throw new NotFoundError();
    await withStageDir(ctx.paths.draftsDir, 'restore', async (stage) => {
      const staged = path.join(stage, slug);
      await copyDir(source, staged, { durable: true });
      const swap = await swapDir(staged, ctx.paths.draft(slug));
      try {
        await ctx.store.transact((tx) => {
          recordAudit(tx, {
            at: ctx.clock(),
            actorId: actor.id,
            action: 'course.version_restored',
            target: slug,
            details: { version },
          });
        });
      } catch (error) {
        await swap.rollback();
        throw error;
      }
      await swap.commit();
    });
  });
}
