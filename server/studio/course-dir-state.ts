import { NotFoundError } from '../shared/errors.ts';
import { isDirectory } from '../shared/fs/is-directory.ts';
import type { StudioContext } from './studio-context.ts';

export interface CourseDirState {
  slug: string;
  draftDir: string | undefined;
  publishedDir: string | undefined;
  /** The folder the studio shows: the draft when there is one, else the published course. */
  currentDir: string | undefined;
}

/** Which folders exist for a course; `currentDir` is undefined when the course does not exist at all. */
export async function courseDirState(ctx: StudioContext, slug: string): Promise<CourseDirState> {
  const draft = ctx.paths.draft(slug);
  const published = ctx.paths.published(slug);
  const [hasDraft, hasPublished] = await Promise.all([isDirectory(draft), isDirectory(published)]);
  const draftDir = hasDraft ? draft : undefined;
  const publishedDir = hasPublished ? published : undefined;
  return { slug, draftDir, publishedDir, currentDir: draftDir ?? publishedDir };
}

/** The folder the studio shows, or NotFoundError when the course does not exist at all. */
export async function currentCourseDir(ctx: StudioContext, slug: string): Promise<string> {
  const { currentDir } = await courseDirState(ctx, slug);
  if (!currentDir) throw new NotFoundError();
  return currentDir;
}

/** A kept version's folder, or NotFoundError when that version is not in the history folder. */
export async function versionDir(ctx: StudioContext, slug: string, version: number): Promise<string> {
  const dir = ctx.paths.version(slug, version);
  if (!(await isDirectory(dir))) throw new NotFoundError();
  return dir;
}

/** The folder named `draft`, `published` or `v<N>` (as in export links), or NotFoundError when it does not exist. */
export async function resolveCourseDir(ctx: StudioContext, slug: string, which: string): Promise<string> {
  if (/^v[1-9]\d{0,5}$/.test(which)) return versionDir(ctx, slug, Number(which.slice(1)));
  const state = await courseDirState(ctx, slug);
  const dir = which === 'draft' ? state.draftDir : which === 'published' ? state.publishedDir : undefined;
  if (!dir) throw new NotFoundError();
  return dir;
}
