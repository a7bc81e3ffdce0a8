import type { Response } from 'express';
import { jobAidFile } from '../../catalog/job-aid.ts';
import type { FieldErrors } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import { courseView, moduleView, moduleViewLocals } from '../../learning/module-view-locals.ts';
import { extractMainContent, previewSignInHref, renderLearnerView } from '../render-learner-view.ts';
import type { StudioContext } from '../studio-context.ts';
import { openEditor } from '../use-cases/open-editor.ts';
import { type FilePreview, previewUrlBase } from '../use-cases/preview-course-file.ts';
import { presentIssues } from './present-issues.ts';
import { studioTitle } from './studio-title.ts';

export interface EditorState {
  /** Text to show and preview instead of the saved one (a preview or a refused save never loses it). */
  source?: string;
  status?: number;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const jobAidView = 'learning/job-aid';

/** The validation and the rendering of a file, as the editor page and the live preview show them. */
export async function editorPanels(res: Response, slug: string, file: string, preview: FilePreview) {
  let previewHtml = '';
  if (preview.course) {
    const links = { slug, moduleBase: previewUrlBase };
    const { jobAid } = preview.course;
    const page =
      file === 'course.md'
        ? await renderLearnerView(res, courseView, { title: preview.course.title, course: preview.course }, links)
        : file === jobAidFile && jobAid
          ? await renderLearnerView(res, jobAidView, { title: jobAid.title, course: preview.course, jobAid }, links)
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
  const editor = await openEditor(ctx, slug, file, state.source);
  const fileTitle = editor.module
    ? editor.module.title
    : translate(file === jobAidFile ? 'studio.editor.jobAid' : 'studio.editor.courseSheet');
  res.status(state.status ?? 200).render('studio/editor', {
    title: studioTitle(fileTitle),
    slug,
    file,
    fileTitle,
    moduleSlug: editor.module?.slug,
    source: editor.source,
    unsaved: editor.unsaved,
    hasDraft: editor.hasDraft,
    notice: state.notice,
    errors: state.errors ?? {},
    values: state.values ?? {},
    images: editor.images,
    ...(await editorPanels(res, slug, file, editor.preview)),
  });
}
