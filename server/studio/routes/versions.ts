import { type Request, type Response, Router } from 'express';
import { translate } from '../../i18n/translate.ts';
import type { StudioContext } from '../studio-context.ts';
import { courseHistory } from '../use-cases/course-history.ts';
import { historyVersion } from '../use-cases/history-version.ts';
import { restoreVersion } from '../use-cases/restore-version.ts';
import { actorOf, slugOf, versionOf } from './params.ts';
import { studioTitle } from './studio-title.ts';
import { withContext } from './with-context.ts';

/** The history of published versions: the list, one version, and restoring it as the draft. */
export function versionRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio/courses/:course/versions', on(showVersions))
    .get('/studio/courses/:course/versions/:version', on(showVersion))
    .post('/studio/courses/:course/versions/:version/restore', on(postRestore));
}

async function showVersions(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const history = await courseHistory(ctx, slug);
  res.render('studio/versions', { title: studioTitle(translate('studio.versions.title')), slug, ...history });
}

async function showVersion(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const version = versionOf(req.params.version);
  const shown = await historyVersion(ctx, slug, version);
  res.render('studio/version', { title: studioTitle(translate('studio.version.title', { version })), slug, ...shown });
}

async function postRestore(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const version = versionOf(req.params.version);
  await restoreVersion(ctx, slug, version, actorOf(res));
  res.redirect(303, `/studio/courses/${slug}?notice=restored&version=${version}`);
}
