import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { SharedRateLimitStore } from '../../http/shared-rate-limit-store.ts';
import { says } from '../../shared/says.ts';
import type { AccountDeps } from '../account-deps.ts';
import { SignInFailedError, SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import type { RelyingParty } from '../oidc/oidc-relying-party.ts';
import { endSession } from '../session-cookie.ts';
import { authenticate } from '../use-cases/authenticate.ts';
import { continueAfterPassword } from './second-factor-handlers.ts';
import { messageOf, settle } from './settle.ts';
import { waitText } from './wait-text.ts';

const SignInForm = z.object({
  email: z.string().trim().min(1, says('accounts.login.emailRequired')).max(200),
  password: z.string().min(1, says('accounts.login.passwordRequired')).max(200),
  next: z.string().optional(),
});

/** Where to go after signing in: a path of this site only, never another origin. */
export const safeNext = (next: unknown) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/me';

type SignInPage = Pick<Config, 'passwordLogin' | 'oidc'>;

function renderSignIn(
  res: Response,
  config: SignInPage,
  errors: FieldErrors,
  values: Record<string, string>,
  next: unknown,
) {
  res.render('accounts/login', {
    title: res.locals.t('accounts.login.title'),
    errors,
    values,
    next: safeNext(next),
    passwordLogin: config.passwordLogin,
    oidcLabel: config.oidc?.buttonLabel,
  });
}

export function showSignIn({ config }: AccountDeps): RequestHandler {
  return (req, res) => {
    if (res.locals.user) return res.redirect(303, safeNext(req.query.next));
    renderSignIn(res, config, {}, {}, req.query.next);
  };
}

/** 30 failed sign-ins per client address in 15 minutes, whatever the accounts tried. */
export function signInLimiter({ config, counters }: AccountDeps): RequestHandler {
  return rateLimit({
    store: new SharedRateLimitStore(counters, 'sign-in'),
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (_req, res) =>
      renderSignIn(res.status(429), config, { _form: res.locals.t('accounts.login.tooManyFromClient') }, {}, undefined),
  });
}

export function submitSignIn(deps: AccountDeps, throttle: LoginThrottle): RequestHandler {
  const { config } = deps;
  return async (req, res) => {
    // Without password sign-in the form is not shown; a post made anyway is refused before any check.
    if (!config.passwordLogin)
      return renderSignIn(res.status(403), config, { _form: res.locals.t('sso.login.passwordRefused') }, {}, undefined);
    const form = parseForm(SignInForm, req.body);
    if (!form.ok) return renderSignIn(res.status(400), config, form.errors, form.values, req.body?.next);
    const { email, password, next } = form.data;
    const user = await settle(authenticate({ email, password, client: req.ip ?? '' }, deps, throttle), [
      SignInThrottledError,
      SignInFailedError,
    ]);
    if (user instanceof SignInThrottledError) {
      const _form = res.locals.t('accounts.login.tooManyForAccount', { wait: waitText(res.locals.t, user.waitMs) });
      return renderSignIn(res.status(429), config, { _form }, { email }, next);
    }
    if (user instanceof SignInFailedError)
      return renderSignIn(res.status(401), config, { _form: messageOf(res, user) }, { email }, next);
    await continueAfterPassword(req, res, deps, user, safeNext(next));
  };
}

/** Ends the Passerelle session; after a single sign-on, the provider's session too when it offers an end-session address. */
export function signOut(deps: AccountDeps, relyingParty?: RelyingParty): RequestHandler {
  return async (_req, res) => {
    const viaProvider = res.locals.sessionMethod === 'oidc' && relyingParty;
    await endSession(res, deps);
    const providerExit = viaProvider ? await relyingParty.endSessionUrl(`${deps.config.baseUrl}/`) : undefined;
    res.redirect(303, providerExit ?? '/');
  };
}
