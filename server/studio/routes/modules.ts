import { type Request, type Response, Router } from 'express';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { ModuleSlugTakenError } from '../errors.ts';
import type { StudioContext } from '../studio-context.ts';
import { addJobAid } from '../use-cases/add-job-aid.ts';
import { addModule } from '../use-cases/add-module.ts';
import { deleteModule } from '../use-cases/delete-module.ts';
import { moduleToChange } from '../use-cases/module-to-change.ts';
import { moveModule } from '../use-cases/move-module.ts';
import { renameModule } from '../use-cases/rename-module.ts';
import { TitleAndSlugForm, withSuggestedSlug } from './forms.ts';
import { moduleFileOf, slugOf } from './params.ts';
import { refusalOf } from './refusals.ts';
import { renderCoursePage } from './render-course-page.ts';
import { studioTitle } from './studio-title.ts';
import { withContext } from './with-context.ts';

/** Organising a course's modules: add, rename, move, delete (each in the draft); starting its job aid. */
export function moduleRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .post('/studio/courses/:course/modules', on(postAddModule))
    .post('/studio/courses/:course/job-aid', on(postAddJobAid))
    .get('/studio/courses/:course/modules/:file/rename', on(showRename))
    .post('/studio/courses/:course/modules/:file/rename', on(postRename))
    .post('/studio/courses/:course/modules/:file/move', on(postMove))
    .get('/studio/courses/:course/modules/:file/delete', on(showDelete))
    .post('/studio/courses/:course/modules/:file/delete', on(postDelete));
}

async function postAddModule(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const form = parseForm(TitleAndSlugForm, withSuggestedSlug(req.body));
  if (!form.ok) {
    return renderCoursePage(ctx, res, slug, { status: 400, moduleForm: { values: form.values, errors: form.errors } });
  }
  try {
    const file = await addModule(ctx, slug, { title: form.data.title, moduleSlug: form.data.slug });
    res.redirect(303, `/studio/courses/${slug}/files/${file}`);
  } catch (error) {
    const errors = { slug: refusalOf(error).message };
    await renderCoursePage(ctx, res, slug, { status: 400, moduleForm: { values: form.data, errors } });
  }
}

async function postAddJobAid(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const file = await addJobAid(ctx, slug, translate('studio.jobAid.templateTitle'));
  res.redirect(303, `/studio/courses/${slug}/files/${file}`);
}

type ModuleTarget = Awaited<ReturnType<typeof moduleToChange>>;

/** What the rename and delete pages both show of the module. */
function modulePage(titleKey: 'studio.rename.title' | 'studio.delete.title', slug: string, target: ModuleTarget) {
  return {
    title: studioTitle(translate(titleKey, { title: target.module.title })),
    slug,
    module: target.module,
    isPublishedModule: target.isPublished,
  };
}

function renderRename(
  res: Response,
  status: number,
  page: ReturnType<typeof modulePage>,
  form: { values: Record<string, string>; errors: FieldErrors },
) {
  res.status(status).render('studio/rename-module', { ...page, ...form });
}

async function showRename(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const target = await moduleToChange(ctx, slug, moduleFileOf(req));
  const values = { title: target.module.title, slug: target.module.slug };
  renderRename(res, 200, modulePage('studio.rename.title', slug, target), { values, errors: {} });
}

async function postRename(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const target = await moduleToChange(ctx, slug, moduleFileOf(req));
  const page = modulePage('studio.rename.title', slug, target);
  const form = parseForm(TitleAndSlugForm, withSuggestedSlug(req.body));
  if (!form.ok) return renderRename(res, 400, page, form);
  try {
    await renameModule(ctx, slug, target.module.file, { title: form.data.title, moduleSlug: form.data.slug });
  } catch (error) {
    // A taken slug is about the address field; an unreadable header, about the title it could not write.
    const field = error instanceof ModuleSlugTakenError ? 'slug' : 'title';
    return renderRename(res, 400, page, { values: form.data, errors: { [field]: refusalOf(error).message } });
  }
  res.redirect(303, `/studio/courses/${slug}?notice=renamed#modules`);
}

async function postMove(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const direction = (req.body as Record<string, unknown> | undefined)?.direction;
  if (direction !== 'up' && direction !== 'down') throw new NotFoundError();
  await moveModule(ctx, slug, moduleFileOf(req), direction);
  res.redirect(303, `/studio/courses/${slug}#modules`);
}

async function showDelete(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const target = await moduleToChange(ctx, slug, moduleFileOf(req));
  res.render('studio/delete-module', modulePage('studio.delete.title', slug, target));
}

async function postDelete(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  // Looked up in the folder shown first: an unknown module answers 404 without creating a draft.
  const { module } = await moduleToChange(ctx, slug, moduleFileOf(req));
  await deleteModule(ctx, slug, module.file);
  res.redirect(303, `/studio/courses/${slug}?notice=deleted#modules`);
}
