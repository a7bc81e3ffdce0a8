import { type Request, type Response, Router } from 'express';
import { translate } from '../../i18n/translate.ts';
import { minimumGroupSize } from '../../learning/aggregate-objective-progress.ts';
import { studioScope } from '../course-scope.ts';
import type { StudioContext } from '../studio-context.ts';
import { moduleQuizAnalysis } from '../use-cases/module-quiz-analysis.ts';
import { quizAnalysis } from '../use-cases/quiz-analysis.ts';
import { moduleSlugOf, slugOf, versionOf } from './params.ts';
import { studioTitle } from './studio-title.ts';
import { withContext } from './with-context.ts';

/** How learners answered each quiz: per module, then per question of one version. */
export function analysisRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio/courses/:course/analysis', on(showAnalysis))
    .get('/studio/courses/:course/analysis/:module', on(showModuleAnalysis));
}

/** The learners whose answers this trainer may read: those of the structures where they train. */
const trainerScope = (ctx: StudioContext, res: Response) => studioScope(ctx, res.locals.user!);

async function showAnalysis(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const analysis = await quizAnalysis(ctx, slug, await trainerScope(ctx, res));
  res.render('studio/analysis', {
    title: studioTitle(translate('studio.analysis.title')),
    slug,
    ...analysis,
    minimum: minimumGroupSize,
  });
}

async function showModuleAnalysis(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const moduleSlug = moduleSlugOf(req);
  const version = req.query.version === undefined ? undefined : versionOf(req.query.version);
  const analysis = await moduleQuizAnalysis(ctx, slug, moduleSlug, version, await trainerScope(ctx, res));
  res.render('studio/item-analysis', {
    title: studioTitle(translate('studio.itemAnalysis.title', { module: analysis.moduleTitle })),
    slug,
    moduleSlug,
    ...analysis,
  });
}
