import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'express';
import { imageExtensions } from '../catalog/limits.ts';
import { courseView, moduleView, moduleViewLocals } from '../learning/module-view-locals.ts';
import { NotFoundError } from '../shared/errors.ts';
import { courseDirState } from './course-dir-state.ts';
import { listAssetFiles } from './list-asset-files.ts';
import { listModuleFiles } from './list-module-files.ts';
import { presentIssues } from './present-issues.ts';
import { previewCourseFile, previewUrlBase } from './preview-course-file.ts';
import { extractMainContent, previewSignInHref, renderLearnerView } from './render-learner-view.ts';
import type { StudioContext } from './studio-context.ts';

export interface EditorState {
  /** Text to show and preview instead of the saved one (a preview or a refused save never loses it). */
  source?: string;
  status?: number;
  notice?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** Validation and rendering of a file, as HTML ready for the editor page or the live preview. */
export async function editorPanels(ctx: StudioContext, res: Response, slug: string, file: string, source?: string) {
  const preview = await previewCourseFile(ctx, slug, file, source);
  let previewHtml = '';
  if (preview.course) {
    const links = { slug, moduleBase: previewUrlBase };
    const page =
      file === 'course.md'
        ? await renderLearnerView(res, courseView, { title: preview.course.title, course: preview.course }, links)
        : await renderLearnerView(
            res,
            moduleView,
            moduleViewLocals(preview.course, preview.moduleIndex, { signInHref: previewSignInHref }),
            links,
          );
    previewHtml = extractMainContent(page);
  }
  return {
    fileIssues: presentIssues(preview.fileIssues, slug),
    otherIssues: presentIssues(preview.otherIssues, slug),
    previewHtml,
    isolated: preview.isolated,
  };
}

/** The editor: the text in a plain textarea, its errors with line numbers beside it, and the preview. */
export async function renderEditor(
  ctx: StudioContext,
  res: Response,
  slug: string,
  file: string,
  state: EditorState = {},
): Promise<void> {
  const dirs = await courseDirState(ctx, slug);
  if (!dirs.currentDir) throw new NotFoundError();
  const saved = await readFile(path.join(dirs.currentDir, file), 'utf8').catch(() => undefined);
  if (saved === undefined) throw new NotFoundError();
  const source = state.source ?? saved;
  const unsaved = state.source !== undefined && state.source !== saved;
  const [panels, modules, assets] = await Promise.all([
    editorPanels(ctx, res, slug, file, state.source),
    listModuleFiles(dirs.currentDir),
    listAssetFiles(dirs.currentDir),
  ]);
  const module = modules.find((m) => m.file === file);
  const fileTitle = module ? module.title : 'Fiche de la formation';
  res.status(state.status ?? 200).render('studio/editor', {
    title: `${fileTitle} — Studio`,
    slug,
    file,
    fileTitle,
    moduleSlug: module?.slug,
    source,
    unsaved,
    hasDraft: Boolean(dirs.draftDir),
    notice: state.notice,
    errors: state.errors ?? {},
    values: state.values ?? {},
    images: assets.filter(
      (f) => f.startsWith('images/') && (imageExtensions as readonly string[]).includes(path.extname(f).toLowerCase()),
    ),
    ...panels,
  });
}
