import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { parisDate } from '../assignments/assignment-status.ts';
import { todoOf } from '../assignments/queries.ts';
import { commitmentsOf } from '../commitments/queries.ts';
import { certificatesWaiting } from './certificate-wait.ts';
import type { LearningDeps, LearningHandler } from './learning-deps.ts';
import { learnerJourney } from './queries.ts';

/** « Mon parcours »: assigned courses to do, courses in progress with where to resume, completed courses, quiz history. */
export function meRoutes(deps: LearningDeps): Router {
  const router = Router();
  router.get('/me', requireUser, showJourney(deps));
  return router;
}

const showJourney: LearningHandler = (deps) => async (_req, res) => {
  const user = res.locals.user!;
  const journey = await learnerJourney(deps.store, deps.getCatalog(), user.id);
  // « À faire » first: the assigned courses not completed yet, late and nearest due first.
  const todo = await todoOf(deps.store, deps.getCatalog(), user, parisDate(deps.clock()));
  const commitments = await commitmentsOf(deps.store, user.id);
  res.set('Cache-Control', 'no-store');
  res.render('learning/me', {
    title: res.locals.t('me.title'),
    todo,
    commitments,
    ...journey,
    waiting: await certificatesWaiting(deps.store, user.id, deps.getCatalog(), journey.completed),
  });
};
