import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import type { LearningDeps, LearningHandler } from './learning-deps.ts';
import { learnerJourney } from './queries.ts';

/** « Mon parcours »: courses in progress with where to resume, completed courses, quiz history. */
export function meRoutes(deps: LearningDeps): Router {
  const router = Router();
  router.get('/me', requireUser, showJourney(deps));
  return router;
}

const showJourney: LearningHandler = (deps) => async (_req, res) => {
  const journey = await learnerJourney(deps.store, deps.getCatalog(), res.locals.user!.id);
  res.render('learning/me', { title: res.locals.t('me.title'), ...journey });
};
