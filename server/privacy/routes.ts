import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import type { PrivacyDeps } from './privacy-deps.ts';
import { downloadMyData, showMyData } from './routes/my-data-handlers.ts';
import { showPolicy } from './routes/policy-handlers.ts';

/** The privacy page (public), « Mes données » (the person themself), erasure and the audit trail (admins). */
export function privacyRoutes(deps: PrivacyDeps): Router {
  const router = Router();
  router.get('/confidentialite', showPolicy(deps));
  router.get('/me/data', requireUser, showMyData(deps));
  router.get('/me/data/export', requireUser, downloadMyData(deps));
  return router;
}
