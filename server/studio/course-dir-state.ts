import { stat } from 'node:fs/promises';
import type { StudioContext } from './studio-context.ts';

export interface CourseDirState {
  slug: string;
  draftDir: string | undefined;
  publishedDir: string | undefined;
  /** The folder the studio shows: the draft when there is one, else the published course. */
  currentDir: string | undefined;
}

const isDir = (dir: string) =>
  stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Which folders exist for a course; `currentDir` is undefined when the course does not exist at all. */
export async function courseDirState(ctx: StudioContext, slug: string): Promise<CourseDirState> {
  const draft = ctx.paths.draft(slug);
  const published = ctx.paths.published(slug);
  const [hasDraft, hasPublished] = await Promise.all([isDir(draft), isDir(published)]);
  const draftDir = hasDraft ? draft : undefined;
  const publishedDir = hasPublished ? published : undefined;
  return { slug, draftDir, publishedDir, currentDir: draftDir ?? publishedDir };
}
