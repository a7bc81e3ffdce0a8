import { Router } from 'express';
import { requireNetworkRole, requireRole, requireUser } from '../accounts/guards.ts';
import type { PrivacyDeps } from './privacy-deps.ts';
import { downloadAudit, showAudit } from './routes/audit-handlers.ts';
import { confirmErasure, refuseErasedAccount, submitErasure } from './routes/erasure-handlers.ts';
import { downloadMyData, showMyData } from './routes/my-data-handlers.ts';
import { showPolicy } from './routes/policy-handlers.ts';

/** The account administration's forms that would reopen an account: closed for good once it is erased. */
const reopening = [
  '/admin/users/:id/activate',
  '/admin/users/:id/reset-link',
  '/admin/users/:id/role',
  '/admin/users/:id/second-factor/reset',
];

/** The privacy page (public), « Mes données » (the person themself), erasure and the audit trail (admins). */
export function privacyRoutes(deps: PrivacyDeps): Router {
  const router = Router();
  router.get('/confidentialite', showPolicy(deps));
  router.get('/me/data', requireUser, showMyData(deps));
  router.get('/me/data/export', requireUser, downloadMyData(deps));
  // Erasure and the audit trail reach every person of the network: the network's administrators only,
  // never an administrator granted on one structure (docs/operations.md, « Réseau de structures »).
  const networkAdmin = requireNetworkRole('admin');
  router.get('/admin/users/:id/erase', ...networkAdmin, confirmErasure(deps));
  router.post('/admin/users/:id/erase', ...networkAdmin, submitErasure(deps));
  router.post(reopening, ...requireRole('admin'), refuseErasedAccount(deps));
  router.get('/admin/audit', ...networkAdmin, showAudit(deps));
  router.get('/admin/audit.csv', ...networkAdmin, downloadAudit(deps));
  return router;
}
