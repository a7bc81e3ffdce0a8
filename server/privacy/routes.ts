import { Router } from 'express';
import type { PrivacyDeps } from './privacy-deps.ts';
import { showPolicy } from './routes/policy-handlers.ts';

/** The privacy page (public), « Mes données » (the person themself), erasure and the audit trail (admins). */
export function privacyRoutes(deps: PrivacyDeps): Router {
  const router = Router();
  router.get('/confidentialite', showPolicy(deps));
  return router;
}
