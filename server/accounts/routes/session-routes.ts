import { Router } from 'express';
import type { AccountDeps } from '../account-deps.ts';
import { requireUser } from '../guards.ts';
import { LoginThrottle } from '../login-throttle.ts';
import { relyingParty } from '../oidc/oidc-relying-party.ts';
import {
  showChangePassword,
  showSignOutEverywhere,
  submitChangePassword,
  submitSignOutEverywhere,
} from './account-handlers.ts';
import {
  showAccountEnrolment,
  showSecondFactor,
  submitAccountEnrolment,
  submitStartEnrolment,
} from './account-second-factor-handlers.ts';
import { finishOidcSignIn, startOidcSignIn } from './oidc-handlers.ts';
import { showPasswordLink, submitPasswordLink } from './password-link-handlers.ts';
import { showCode, showEnrolAtSignIn, submitCode, submitEnrolAtSignIn } from './second-factor-handlers.ts';
import { showSetup, submitSetup } from './setup-handlers.ts';
import { showSignIn, signInLimiter, signOut, submitSignIn } from './sign-in-handlers.ts';

/** Sign-in, sign-out, first-run setup, invitation and password-reset links, the person's own account. */
export function sessionRoutes(deps: AccountDeps): Router {
  const router = Router();
  // Single sign-on, when configured: the provider's metadata and keys are fetched on first use.
  const oidcDeps = {
    ...deps,
    oidc: deps.config.oidc,
    relyingParty: deps.config.oidc && relyingParty(deps.config.oidc, deps.clock),
  };
  router.get('/login', showSignIn(deps));
  // One throttle for every check of a password: signing in, and confirming it to change it.
  const throttle = new LoginThrottle(deps.counters);
  router.post('/login', signInLimiter(deps), submitSignIn(deps, throttle));
  // The second factor: its own throttle, per person and client, like passwords.
  const codeThrottle = new LoginThrottle(deps.counters);
  router.get('/login/code', showCode(deps));
  router.post('/login/code', submitCode(deps, codeThrottle));
  router.get('/login/enrol', showEnrolAtSignIn(deps));
  router.post('/login/enrol', submitEnrolAtSignIn(deps, codeThrottle));
  router.get('/login/oidc', startOidcSignIn(oidcDeps));
  router.get('/login/oidc/callback', finishOidcSignIn(oidcDeps));
  router.post('/logout', signOut(deps, oidcDeps.relyingParty));
  // First run: a one-time setup link printed at start-up creates the first administrator.
  router.get('/setup', showSetup(deps));
  router.post('/setup', submitSetup(deps));
  router.get('/invitations/:token', showPasswordLink(deps, 'invitation'));
  router.post('/invitations/:token', submitPasswordLink(deps, 'invitation'));
  router.get('/reset/:token', showPasswordLink(deps, 'reset'));
  router.post('/reset/:token', submitPasswordLink(deps, 'reset'));
  router.get('/account/password', requireUser, showChangePassword);
  router.post('/account/password', requireUser, submitChangePassword(deps, throttle));
  router.get('/account/sign-out-everywhere', requireUser, showSignOutEverywhere);
  router.post('/account/sign-out-everywhere', requireUser, submitSignOutEverywhere(deps));
  router.get('/account/second-factor', requireUser, showSecondFactor(deps));
  router.post('/account/second-factor/start', requireUser, submitStartEnrolment(deps));
  router.get('/account/second-factor/enrol', requireUser, showAccountEnrolment(deps));
  router.post('/account/second-factor/enrol', requireUser, submitAccountEnrolment(deps, codeThrottle));
  return router;
}
