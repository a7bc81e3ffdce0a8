import { type Request, type Response, Router } from 'express';
import { parseForm } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import { requireSourceInScope, studioScope } from '../course-scope.ts';
import { checkSourceSize, normalizeSource } from '../source-text.ts';
import type { StudioContext } from '../studio-context.ts';
import { previewCourseFile } from '../use-cases/preview-course-file.ts';
import { saveCourseFile } from '../use-cases/save-course-file.ts';
import { InsertImageForm } from './forms.ts';
import { fileOf, slugOf } from './params.ts';
import { refusalOf } from './refusals.ts';
import { editorPanels, renderEditor } from './render-editor.ts';
import { withContext } from './with-context.ts';

/** Editing a course file (course.md or a module): the editor, its actions and the live preview for studio.js. */
export function editorRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio/courses/:course/files/:file', on(showEditor))
    .post('/studio/courses/:course/files/:file', on(postEditor))
    .post('/studio/courses/:course/files/:file/preview', on(postLivePreview));
}

/** The textarea's text, as the course format stores it. */
function sourceOf(req: Request): string {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return normalizeSource(typeof body.source === 'string' ? body.source : '');
}

async function showEditor(ctx: StudioContext, req: Request, res: Response) {
  const notice = req.query.saved ? translate('studio.editor.saved') : undefined;
  await renderEditor(ctx, res, slugOf(req), fileOf(req), { notice });
}

/** One form, three buttons: save, insert an image (without JavaScript), or preview the text. */
async function postEditor(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const file = fileOf(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const source = sourceOf(req);
  try {
    checkSourceSize(source);
    if (body.action === 'save') {
      // The course stays within the trainer's scope: they cannot hand it to another structure.
      if (file === 'course.md') requireSourceInScope(source, await studioScope(ctx, res.locals.user!));
      await saveCourseFile(ctx, slug, file, source);
      return res.redirect(303, `/studio/courses/${slug}/files/${file}?saved=1`);
    }
  } catch (error) {
    const refusal = refusalOf(error);
    // The text comes back as typed: a refused save never loses it.
    return renderEditor(ctx, res, slug, file, { source, status: refusal.status, errors: { source: refusal.message } });
  }
  if (body.action === 'insert-image') {
    const form = parseForm(InsertImageForm, body);
    if (!form.ok) {
      return renderEditor(ctx, res, slug, file, { source, status: 400, errors: form.errors, values: form.values });
    }
    const withImage = `${source.replace(/\n*$/, '')}\n\n![${form.data.alt}](${form.data.image})\n`;
    return renderEditor(ctx, res, slug, file, { source: withImage, notice: translate('studio.editor.imageInserted') });
  }
  await renderEditor(ctx, res, slug, file, { source, notice: translate('studio.editor.previewed') });
}

async function postLivePreview(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const file = fileOf(req);
  const source = sourceOf(req);
  let panels: Awaited<ReturnType<typeof editorPanels>>;
  try {
    checkSourceSize(source);
    panels = await editorPanels(res, slug, file, await previewCourseFile(ctx, slug, file, source));
  } catch (error) {
    const issue = { file, line: 1, message: refusalOf(error).text, href: undefined };
    panels = { fileIssues: [issue], otherIssues: [], previewHtml: '', isolated: false };
  }
  res.render('studio/partials/panels', { slug, file, ...panels });
}
