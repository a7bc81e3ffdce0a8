import path from 'node:path';
import { jobAidFile } from '../catalog/job-aid.ts';
import { imageExtensions } from '../catalog/limits.ts';
import { NotFoundError } from '../shared/errors.ts';
import { isFile } from '../shared/fs/is-file.ts';
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
  /** The folder holds a job aid (`fiche.md`). */
  hasJobAid: boolean;
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
  const [modules, assets, hasJobAid] = await Promise.all([
    listModuleFiles(dir),
    listAssetFiles(dir),
    isFile(path.join(dir, jobAidFile)),
  ]);
  return {
    dir,
    hasDraft: Boolean(state.draftDir),
    isPublished: Boolean(state.publishedDir),
    modules,
    hasJobAid,
    images: assets.filter(isImage),
  };
}
