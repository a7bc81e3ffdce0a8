import path from 'node:path';
import { imageExtensions } from '../catalog/limits.ts';
import { NotFoundError } from '../shared/errors.ts';
import { courseDirState } from './course-dir-state.ts';
import { listAssetFiles } from './list-asset-files.ts';
import { listModuleFiles, type ModuleFile } from './list-module-files.ts';
import type { StudioContext } from './studio-context.ts';

export interface CourseFolder {
  /** The draft when there is one, else the published course. */
  dir: string;
  hasDraft: boolean;
  isPublished: boolean;
  modules: ModuleFile[];
  /** `images/…` files of an accepted image type, for the image lists and the editor's picker. */
  images: string[];
}

const isImage = (file: string) =>
  file.startsWith('images/') && (imageExtensions as readonly string[]).includes(path.extname(file).toLowerCase());

/** What the studio shows of a course's folder; NotFoundError when the course does not exist. */
export async function courseFolder(ctx: StudioContext, slug: string): Promise<CourseFolder> {
  const state = await courseDirState(ctx, slug);
  if (!state.currentDir) throw new NotFoundError();
  const dir = state.currentDir;
  const [modules, assets] = await Promise.all([listModuleFiles(dir), listAssetFiles(dir)]);
  return {
    dir,
    hasDraft: Boolean(state.draftDir),
    isPublished: Boolean(state.publishedDir),
    modules,
    images: assets.filter(isImage),
  };
}
