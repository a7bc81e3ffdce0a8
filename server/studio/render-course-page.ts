import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'express';
import { imageExtensions } from '../catalog/limits.ts';
import { loadCourse } from '../catalog/load-course.ts';
import { NotFoundError } from '../shared/errors.ts';
import { courseDirState } from './course-dir-state.ts';
import { getFrontMatterField } from './front-matter-field.ts';
import { listAssetFiles } from './list-asset-files.ts';
import { listModuleFiles } from './list-module-files.ts';
import { presentIssues } from './present-issues.ts';
import { previewUrlBase } from './preview-course-file.ts';
import { publishedVersion } from './published-version.ts';
import type { StudioContext } from './studio-context.ts';

export interface CoursePageExtra {
  status?: number;
  notice?: string;
  /** The Markdown to copy after an upload. */
  uploadedImage?: string;
  publishError?: { message: string; issues: ReturnType<typeof presentIssues> };
  uploadError?: string;
  moduleForm?: { values: Record<string, string>; errors: Record<string, string> };
}

const isImage = (file: string) =>
  file.startsWith('images/') && (imageExtensions as readonly string[]).includes(path.extname(file).toLowerCase());

/** The course's studio page: state, validation, modules, images, publication. */
export async function renderCoursePage(
  ctx: StudioContext,
  res: Response,
  slug: string,
  extra: CoursePageExtra = {},
): Promise<void> {
  const state = await courseDirState(ctx, slug);
  if (!state.currentDir) throw new NotFoundError();
  const dir = state.currentDir;
  const [modules, assets, validation, published] = await Promise.all([
    listModuleFiles(dir),
    listAssetFiles(dir),
    loadCourse(dir, { displayRoot: path.dirname(dir), urlBase: previewUrlBase }),
    publishedVersion(ctx, slug),
  ]);
  const courseSource = await readFile(path.join(dir, 'course.md'), 'utf8').catch(() => '');
  const declaredTitle = getFrontMatterField(courseSource, 'titre');
  const title = typeof declaredTitle === 'string' && declaredTitle.trim() ? declaredTitle.trim() : slug;
  res.status(extra.status ?? 200).render('studio/course', {
    title: `${title} — Studio`,
    courseTitle: title,
    slug,
    hasDraft: Boolean(state.draftDir),
    isPublished: Boolean(state.publishedDir),
    inCatalog: ctx.catalog.get().bySlug.get(slug),
    publishedVersion: published,
    modules,
    images: assets.filter(isImage),
    issues: presentIssues(validation.issues, slug),
    notice: extra.notice,
    uploadedImage: extra.uploadedImage,
    publishError: extra.publishError,
    uploadError: extra.uploadError,
    moduleForm: extra.moduleForm ?? { values: {}, errors: {} },
  });
}
