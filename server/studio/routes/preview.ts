import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Course } from '../../catalog/course.ts';
import { sendCourseAsset } from '../../catalog/send-course-asset.ts';
import { translate } from '../../i18n/translate.ts';
import { moduleView, moduleViewLocals } from '../../learning/module-view-locals.ts';
import { currentCourseDir, versionDir } from '../course-dir-state.ts';
import { prependToMain, previewSignInHref, renderLearnerView } from '../render-learner-view.ts';
import type { StudioContext } from '../studio-context.ts';
import { historyModule } from '../use-cases/history-module.ts';
import { historyUrlBase } from '../use-cases/history-version.ts';
import { previewUrlBase } from '../use-cases/preview-course-file.ts';
import { previewModule } from '../use-cases/preview-module.ts';
import { moduleSlugOf, slugOf, splatOf, versionOf } from './params.ts';
import { renderToString } from './render-to-string.ts';
import { withContext } from './with-context.ts';

/** Full pages as learners see them: a module of the saved draft, or of a kept version, and their files. */
export function previewRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio/preview/:course/assets/*splat', on(getDraftAsset))
    .get('/studio/preview/:course/:module', on(showDraftModule))
    .get('/studio/history/:version/:course/assets/*splat', on(getVersionAsset))
    .get('/studio/history/:version/:course/:module', on(showVersionModule));
}

async function getDraftAsset(ctx: StudioContext, req: Request, res: Response, next: NextFunction) {
  sendCourseAsset(res, next, await currentCourseDir(ctx, slugOf(req)), splatOf(req), 'no-store');
}

async function getVersionAsset(ctx: StudioContext, req: Request, res: Response, next: NextFunction) {
  const dir = await versionDir(ctx, slugOf(req), versionOf(req.params.version));
  sendCourseAsset(res, next, dir, splatOf(req), 'no-store');
}

async function showDraftModule(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const { course, index, file } = await previewModule(ctx, slug, moduleSlugOf(req));
  await sendModulePage(res, course, index, previewUrlBase, {
    text: translate('studio.preview.draftNotice'),
    href: `/studio/courses/${slug}/files/${file}`,
    linkText: translate('studio.preview.backToEditor'),
  });
}

async function showVersionModule(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const version = versionOf(req.params.version);
  const { course, index } = await historyModule(ctx, slug, version, moduleSlugOf(req));
  await sendModulePage(res, course, index, historyUrlBase(version), {
    text: translate('studio.preview.versionNotice', { version }),
    href: `/studio/courses/${slug}/versions/${version}`,
    linkText: translate('studio.preview.backToVersion'),
  });
}

/** The learners' module page, its links kept inside the studio, with a notice saying what it shows. */
async function sendModulePage(
  res: Response,
  course: Course,
  index: number,
  moduleBase: string,
  notice: { text: string; href: string; linkText: string },
) {
  const links = { slug: course.slug, moduleBase };
  const page = await renderLearnerView(
    res,
    moduleView,
    moduleViewLocals(course, index, { signInHref: previewSignInHref }),
    links,
  );
  res.send(prependToMain(page, await renderToString(res, 'studio/partials/preview-notice', notice)));
}
