import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { courseDirState } from '../course-dir-state.ts';
import { courseTemplate, moduleTemplate } from '../course-templates.ts';
import { CourseSlugTakenError } from '../errors.ts';
import type { StudioContext } from '../studio-context.ts';

/** Creates a new course as a draft: a valid course.md (of `structure` when given) and one module to start from. */
export async function createCourse(
  ctx: StudioContext,
  input: { title: string; slug: string; author: string; structure?: string },
): Promise<void> {
  await ctx.lock.run(input.slug, async () => {
    const state = await courseDirState(ctx, input.slug);
    if (state.currentDir) throw new CourseSlugTakenError(input.slug);
    await mkdir(ctx.paths.draftsDir, { recursive: true });
    const staged = path.join(ctx.paths.draftsDir, `.${input.slug}.new-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(path.join(staged, 'images'), { recursive: true });
      await writeFileAtomic(path.join(staged, 'course.md'), courseTemplate(input));
      await writeFileAtomic(path.join(staged, '01-introduction.md'), moduleTemplate({ title: 'Introduction' }));
      await rename(staged, ctx.paths.draft(input.slug));
      await fsyncDir(ctx.paths.draftsDir);
    } finally {
      await rm(staged, { recursive: true, force: true });
    }
  });
}
