import { Router } from 'express';
import { requireRole, requireUser } from '../accounts/guards.ts';
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
  const admin = requireRole('admin');
  router.get('/admin/users/:id/erase', ...admin, confirmErasure(deps));
  router.post('/admin/users/:id/erase', ...admin, submitErasure(deps));
  router.post(reopening, ...admin, refuseErasedAccount(deps));
  router.get('/admin/audit', ...admin, showAudit(deps));
  router.get('/admin/audit.csv', ...admin, downloadAudit(deps));
  return router;
}
