import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { SharedRateLimitStore } from '../../http/shared-rate-limit-store.ts';
import { says } from '../../shared/says.ts';
import type { SharedCounters } from '../../store/cluster/cluster.ts';
import type { AccountDeps } from '../account-deps.ts';
import { SignInFailedError, SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { endSession, startSession } from '../session-cookie.ts';
import { authenticate } from '../use-cases/authenticate.ts';
import { messageOf, settle } from './settle.ts';
import { waitText } from './wait-text.ts';

const SignInForm = z.object({
  email: z.string().trim().min(1, says('accounts.login.emailRequired')).max(200),
  password: z.string().min(1, says('accounts.login.passwordRequired')).max(200),
  next: z.string().optional(),
});

/** Where to go after signing in: a path of this site only, never another origin. */
const safeNext = (next: unknown) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/me';

function renderSignIn(res: Response, errors: FieldErrors, values: Record<string, string>, next: unknown) {
  res.render('accounts/login', { title: res.locals.t('accounts.login.title'), errors, values, next: safeNext(next) });
}

export const showSignIn: RequestHandler = (req, res) => {
  if (res.locals.user) return res.redirect(303, safeNext(req.query.next));
  renderSignIn(res, {}, {}, req.query.next);
};

/** 30 failed sign-ins per client address in 15 minutes, whatever the accounts tried. */
export function signInLimiter(counters: SharedCounters): RequestHandler {
  return rateLimit({
    store: new SharedRateLimitStore(counters, 'sign-in'),
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (_req, res) =>
      renderSignIn(res.status(429), { _form: res.locals.t('accounts.login.tooManyFromClient') }, {}, undefined),
  });
}

export function submitSignIn(deps: AccountDeps, throttle: LoginThrottle): RequestHandler {
  return async (req, res) => {
    const form = parseForm(SignInForm, req.body);
    if (!form.ok) return renderSignIn(res.status(400), form.errors, form.values, req.body?.next);
    const { email, password, next } = form.data;
    const user = await settle(authenticate({ email, password, client: req.ip ?? '' }, deps, throttle), [
      SignInThrottledError,
      SignInFailedError,
    ]);
    if (user instanceof SignInThrottledError) {
      const _form = res.locals.t('accounts.login.tooManyForAccount', { wait: waitText(res.locals.t, user.waitMs) });
      return renderSignIn(res.status(429), { _form }, { email }, next);
    }
    if (user instanceof SignInFailedError)
      return renderSignIn(res.status(401), { _form: messageOf(res, user) }, { email }, next);
    await startSession(res, deps, user, res.locals.sessionId);
    res.redirect(303, safeNext(next));
  };
}

export function signOut(deps: AccountDeps): RequestHandler {
  return async (_req, res) => {
    await endSession(res, deps);
    res.redirect(303, '/');
  };
}
