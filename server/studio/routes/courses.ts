import { type Request, type Response, Router } from 'express';
import { parseForm } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import { courseInScope, newCourseStructure, studioScope } from '../course-scope.ts';
import type { StudioContext } from '../studio-context.ts';
import { authoringGuideHtml } from '../use-cases/authoring-guide-html.ts';
import { createCourse } from '../use-cases/create-course.ts';
import { discardDraft } from '../use-cases/discard-draft.ts';
import { draftToDiscard } from '../use-cases/draft-to-discard.ts';
import { listStudioCourses } from '../use-cases/list-studio-courses.ts';
import { publishCourse } from '../use-cases/publish-course.ts';
import { TitleAndSlugForm, withSuggestedSlug } from './forms.ts';
import { courseNotice } from './notices.ts';
import { actorOf, slugOf } from './params.ts';
import { refusalOf } from './refusals.ts';
import { renderCoursePage } from './render-course-page.ts';
import { studioTitle } from './studio-title.ts';
import { withContext } from './with-context.ts';

/** The list of courses, the guide, a new course, a course's page, its publication and its draft's discarding. */
export function courseRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio', on(showCourses))
    .get('/studio/guide', on(showGuide))
    .get('/studio/new', on(showNewCourse))
    .post('/studio/new', on(postNewCourse))
    .get('/studio/courses/:course', on(showCourse))
    .post('/studio/courses/:course/publish', on(postPublish))
    .get('/studio/courses/:course/discard', on(showDiscard))
    .post('/studio/courses/:course/discard', on(postDiscard));
}

async function showCourses(ctx: StudioContext, req: Request, res: Response) {
  const scope = await studioScope(ctx, res.locals.user!);
  const courses = [];
  for (const course of await listStudioCourses(ctx))
    if (await courseInScope(ctx, course.slug, scope)) courses.push(course);
  res.render('studio/index', {
    title: translate('studio.index.title'),
    courses,
    notice: req.query.notice === 'removed' ? translate('studio.notice.removed') : '',
  });
}

async function showGuide(_ctx: StudioContext, _req: Request, res: Response) {
  res.render('studio/guide', { title: studioTitle(translate('studio.guide.title')), html: await authoringGuideHtml() });
}

function renderNewCourse(res: Response, status: number, form: { values: object; errors: object }) {
  res.status(status).render('studio/new-course', { title: studioTitle(translate('studio.new.title')), ...form });
}

function showNewCourse(_ctx: StudioContext, _req: Request, res: Response) {
  renderNewCourse(res, 200, { values: {}, errors: {} });
}

async function postNewCourse(ctx: StudioContext, req: Request, res: Response) {
  const form = parseForm(TitleAndSlugForm, withSuggestedSlug(req.body));
  if (!form.ok) return renderNewCourse(res, 400, form);
  try {
    const user = res.locals.user!;
    const structure = await newCourseStructure(ctx, user, await studioScope(ctx, user));
    await createCourse(ctx, { ...form.data, author: user.name, structure });
  } catch (error) {
    return renderNewCourse(res, 400, { values: form.data, errors: { slug: refusalOf(error).message } });
  }
  res.redirect(303, `/studio/courses/${form.data.slug}?notice=created`);
}

async function showCourse(ctx: StudioContext, req: Request, res: Response) {
  const image = String(req.query.image ?? '');
  await renderCoursePage(ctx, res, slugOf(req), {
    notice: courseNotice(req.query),
    uploadedImage: /^images\/[a-z0-9-]+\.[a-z]+$/.test(image) ? image : undefined,
  });
}

async function postPublish(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  try {
    const scope = await studioScope(ctx, res.locals.user!);
    const course = await publishCourse(ctx, slug, actorOf(res), scope);
    res.redirect(303, `/studio/courses/${slug}?notice=published&version=${course.version}`);
  } catch (error) {
    const refusal = refusalOf(error);
    await renderCoursePage(ctx, res, slug, { status: refusal.status, publishError: refusal });
  }
}

async function showDiscard(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const { isPublished } = await draftToDiscard(ctx, slug);
  res.render('studio/discard', { title: studioTitle(translate('studio.discard.title')), slug, isPublished });
}

async function postDiscard(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const { courseRemoved } = await discardDraft(ctx, slug, actorOf(res));
  res.redirect(303, courseRemoved ? '/studio?notice=removed' : `/studio/courses/${slug}?notice=discarded`);
}
