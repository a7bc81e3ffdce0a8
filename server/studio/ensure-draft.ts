import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../shared/errors.ts';
import { copyDir } from '../shared/fs/copy-dir.ts';
import { fsyncDir } from '../shared/fs/write-file-atomic.ts';
import { courseDirState } from './course-dir-state.ts';
import type { StudioContext } from './studio-context.ts';

/**
 * Returns the course's draft folder, first copying the published course into it when there is no draft:
 * edits never touch what learners read. The copy is staged under a hidden name and renamed into place,
 * so a half-copied draft never exists. Call inside `ctx.lock.run(slug, …)`.
 */
export async function ensureDraft(ctx: StudioContext, slug: string): Promise<string> {
  const state = await courseDirState(ctx, slug);
  if (state.draftDir) return state.draftDir;
  if (!state.publishedDir) throw new NotFoundError();
  const target = ctx.paths.draft(slug);
  await mkdir(ctx.paths.draftsDir, { recursive: true });
  const staged = path.join(ctx.paths.draftsDir, `.${slug}.new-${randomBytes(6).toString('hex')}`);
  try {
    await copyDir(state.publishedDir, staged, { durable: true });
    await rename(staged, target);
    await fsyncDir(ctx.paths.draftsDir);
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
  return target;
}
