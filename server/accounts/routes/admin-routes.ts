import { Router } from 'express';
import type { AccountDeps } from '../account-deps.ts';
import { requireRole } from '../guards.ts';
import { showImportForm, showInviteForm, submitImport, submitInvite } from './invitation-handlers.ts';
import {
  confirmDeactivation,
  showPerson,
  submitAccessLink,
  submitActive,
  submitRole,
  submitSecondFactorReset,
} from './person-handlers.ts';
import { showUsers } from './user-list-handlers.ts';

/** Listing, invitations, CSV import, roles, deactivation and password-reset links; admins only. */
export function adminRoutes(deps: AccountDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/admin/users', ...admin, showUsers(deps));
  router.get('/admin/users/new', ...admin, showInviteForm(deps));
  router.post('/admin/users', ...admin, submitInvite(deps));
  router.get('/admin/users/import', ...admin, showImportForm);
  router.post('/admin/users/import', ...admin, submitImport(deps));
  router.get('/admin/users/:id', ...admin, showPerson(deps));
  router.post('/admin/users/:id/role', ...admin, submitRole(deps));
  router.get('/admin/users/:id/deactivate', ...admin, confirmDeactivation(deps));
  router.post('/admin/users/:id/deactivate', ...admin, submitActive(deps, false));
  router.post('/admin/users/:id/activate', ...admin, submitActive(deps, true));
  router.post('/admin/users/:id/reset-link', ...admin, submitAccessLink(deps));
  router.post('/admin/users/:id/second-factor/reset', ...admin, submitSecondFactorReset(deps));
  return router;
}
