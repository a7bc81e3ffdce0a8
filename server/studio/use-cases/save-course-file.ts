import path from 'node:path';
import { NotFoundError } from '../../shared/errors.ts';
import { isFile } from '../../shared/fs/is-file.ts';
import { writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { isCourseFileName } from '../course-file-name.ts';
import { ensureDraft } from '../ensure-draft.ts';
import { checkSourceSize, normalizeSource } from '../source-text.ts';
import type { StudioContext } from '../studio-context.ts';

/** Saves the text of course.md or of an existing module into the draft (invalid text is allowed: it is a draft). */
export async function saveCourseFile(ctx: StudioContext, slug: string, file: string, source: string): Promise<void> {
  if (!isCourseFileName(file)) throw new NotFoundError();
  const text = normalizeSource(source);
  checkSourceSize(text);
  await ctx.lock.run(slug, async () => {
    const target = path.join(await ensureDraft(ctx, slug), file);
    if (!(await isFile(target))) throw new NotFoundError();
    await writeFileAtomic(target, text);
  });
}
