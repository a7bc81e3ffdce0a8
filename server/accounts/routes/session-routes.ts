import { Router } from 'express';
import type { AccountDeps } from '../account-deps.ts';
import { LoginThrottle } from '../login-throttle.ts';
import { showPasswordLink, submitPasswordLink } from './password-link-handlers.ts';
import { showSetup, submitSetup } from './setup-handlers.ts';
import { showSignIn, signInLimiter, signOut, submitSignIn } from './sign-in-handlers.ts';

/** Sign-in, sign-out, first-run setup, invitation and password-reset links. */
export function sessionRoutes(deps: AccountDeps): Router {
  const router = Router();
  router.get('/login', showSignIn);
  router.post('/login', signInLimiter(), submitSignIn(deps, new LoginThrottle()));
  router.post('/logout', signOut(deps));
  // First run: a one-time setup link printed at start-up creates the first administrator.
  router.get('/setup', showSetup(deps));
  router.post('/setup', submitSetup(deps));
  router.get('/invitations/:token', showPasswordLink(deps, 'invitation'));
  router.post('/invitations/:token', submitPasswordLink(deps, 'invitation'));
  router.get('/reset/:token', showPasswordLink(deps, 'reset'));
  router.post('/reset/:token', submitPasswordLink(deps, 'reset'));
  return router;
}
