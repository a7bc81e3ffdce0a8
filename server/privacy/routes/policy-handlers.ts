import type { RequestHandler } from 'express';
import { policyPageLocals } from '../policy-page.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';

/** The privacy page: public, built from the configuration, linked from every footer and the sign-in page. */
export function showPolicy({ config }: PrivacyDeps): RequestHandler {
  return (_req, res) => {
    res.render('privacy/policy', policyPageLocals(config, res.locals.t));
  };
}
