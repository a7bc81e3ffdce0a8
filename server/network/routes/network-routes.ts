import { Router } from 'express';
import { requireNetworkRole, requireRole } from '../../accounts/guards.ts';
import type { NetworkDeps } from '../network-deps.ts';
import { submitGrant, submitRevoke } from './grant-handlers.ts';
import { confirmMerge, showStructure, submitMerge, submitName, submitParent } from './structure-edit-handlers.ts';
import {
  showStructureImport,
  showStructures,
  submitStructure,
  submitStructureImport,
} from './structure-list-handlers.ts';

/** The network's tree: create, import, rename, move, merge; administrators of the whole network only. */
export function networkRoutes(deps: NetworkDeps): Router {
  const router = Router();
  const admin = requireNetworkRole('admin');
  router.get('/admin/structures', ...admin, showStructures(deps));
  router.post('/admin/structures', ...admin, submitStructure(deps));
  router.get('/admin/structures/import', ...admin, showStructureImport);
  router.post('/admin/structures/import', ...admin, submitStructureImport(deps));
  router.get('/admin/structures/:code', ...admin, showStructure(deps));
  router.post('/admin/structures/:code/name', ...admin, submitName(deps));
  router.post('/admin/structures/:code/parent', ...admin, submitParent(deps));
  router.get('/admin/structures/:code/merge', ...admin, confirmMerge(deps));
  router.post('/admin/structures/:code/merge', ...admin, submitMerge(deps));
  return router;
}

/** Roles on structures, from a person's page: administrators give them within their own scope. */
export function grantRoutes(deps: NetworkDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.post('/admin/users/:id/grants', ...admin, submitGrant(deps));
  router.post('/admin/users/:id/grants/:grantId/revoke', ...admin, submitRevoke(deps));
  return router;
}
