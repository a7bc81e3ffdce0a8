import { type RequestHandler, Router } from 'express';
import { requireRole } from '../../accounts/guards.ts';
import type { Catalog } from '../../catalog/course.ts';
import type { Clock } from '../../shared/clock.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { faceOf } from '../../structures/face/face-of.ts';
import type { FaceDefaults } from '../../structures/face/resolve-face.ts';
import { inScope, viewOf } from '../../structures/scope.ts';
import { type ActivityFormat, exportLearnerActivity } from './export-learner-activity.ts';

export interface ActivityDeps {
  store: AppStore;
  clock: Clock;
  getCatalog: () => Catalog;
  config: { org: FaceDefaults };
}

/** A learner's activity record for funders (« relevé d'activité »): HR and admins only, audited. */
export function activityRoutes(deps: ActivityDeps): Router {
  const hrOnly = requireRole('hr', 'admin');
  const router = Router();
  router.get(
    '/hr/learners/:id/activite.pdf',
    ...hrOnly,
    sendActivity(deps, () => 'pdf'),
  );
  router.get(
    '/hr/learners/:id/activite.csv',
    ...hrOnly,
    sendActivity(deps, (q) => (q.format === 'rfc' ? 'rfc' : 'excel-fr')),
  );
  return router;
}

const sendActivity = (
  deps: ActivityDeps,
  formatOf: (query: Record<string, unknown>) => ActivityFormat,
): RequestHandler =>
  async function sendActivity(req, res) {
    // Only a person in the structures this HR or admin reaches (decision 022); anyone else is unknown.
    const learner = await deps.store.get('users', String(req.params.id));
    const view = await viewOf(deps.store, res.locals.user!, ['hr', 'admin']);
    if (!learner || !inScope(view.scope, learner.structure)) throw new NotFoundError('no such learner in scope');
    const input = { userId: String(req.params.id), actorId: res.locals.user!.id, format: formatOf(req.query) };
    const exportDeps = {
      store: deps.store,
      clock: deps.clock,
      catalog: deps.getCatalog(),
      // The learner's own structure issues it, as their attestations (the face of decision 023).
      organisation: (await faceOf(deps.store, learner.structure, deps.config.org)).name,
    };
    await exportLearnerActivity(input, exportDeps, (file) =>
      res.set({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.name}"` }),
    );
  };
