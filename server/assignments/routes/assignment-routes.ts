import { type RequestHandler, Router } from 'express';
import { requireRole } from '../../accounts/guards.ts';
import type { Catalog } from '../../catalog/course.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import {
  confirmWithdrawal,
  downloadAssignment,
  showAssignment,
  showAssignments,
  showNewAssignment,
  submitAssignment,
  submitWithdrawal,
} from './assignment-handlers.ts';

export interface AssignmentDeps {
  store: AppStore;
  clock: Clock;
  getCatalog: () => Catalog;
}

/** Assigned trainings (/hr/assignments): assign, follow who is late, withdraw; roles hr and admin. */
export function assignmentRoutes(deps: AssignmentDeps): Router {
  const router = Router();
  const hr = requireRole('hr', 'admin');
  router.use('/hr/assignments', noStore);
  router.get('/hr/assignments', ...hr, showAssignments(deps));
  router.get('/hr/assignments/new', ...hr, showNewAssignment(deps));
  router.post('/hr/assignments', ...hr, submitAssignment(deps));
  router.get('/hr/assignments/:id', ...hr, showAssignment(deps));
  router.get('/hr/assignments/:id/export.csv', ...hr, downloadAssignment(deps));
  router.get('/hr/assignments/:id/withdraw', ...hr, confirmWithdrawal(deps));
  router.post('/hr/assignments/:id/withdraw', ...hr, submitWithdrawal(deps));
  return router;
}

/** Every page names people and where they stand: no browser or proxy keeps it. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
