import { stat } from 'node:fs/promises';
import path from 'node:path';
import { limits } from '../catalog/limits.ts';
import { NotFoundError } from '../shared/errors.ts';
import { isCourseFileName } from './course-file-name.ts';
import { ensureDraft } from './ensure-draft.ts';
import type { StudioContext } from './studio-context.ts';
import { StudioError } from './studio-error.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/** Text as the browser sends it (CRLF), stored as the course format expects (LF). */
export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, '\n');
}

export function checkSourceSize(source: string): void {
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.markdownBytes) {
    throw new StudioError(
      413,
      `texte trop long (${Math.round(bytes / 1024)} Ko, au plus ${limits.markdownBytes / 1024} Ko) : découpez-le en plusieurs modules.`,
    );
  }
}

/** Saves the text of course.md or of an existing module into the draft (invalid text is allowed: it is a draft). */
export async function saveCourseFile(ctx: StudioContext, slug: string, file: string, source: string): Promise<void> {
  if (!isCourseFileName(file)) throw new NotFoundError();
  const text = normalizeSource(source);
  checkSourceSize(text);
  await ctx.lock.run(slug, async () => {
    const dir = await ensureDraft(ctx, slug);
    const target = path.join(dir, file);
    if (
      !(await stat(target).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      throw new NotFoundError();
    await writeFileAtomic(target, text);
  });
}
