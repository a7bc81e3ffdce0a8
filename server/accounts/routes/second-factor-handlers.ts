// The step between a password and the session: the authenticator's code, or its setup when the role
// requires one. The step is held by a short-lived cookie whose hash names a row in the store.
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { cookieName, readCookie } from '../../http/csrf.ts';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { says } from '../../shared/says.ts';
import type { AccountDeps } from '../account-deps.ts';
import { SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { MfaChallengeExpiredError, SecondFactorInvalidError } from '../mfa/errors.ts';
import { findMfaChallenge, findSecondFactor, findUser } from '../queries.ts';
import type { User } from '../schema.ts';
import { startSession } from '../session-cookie.ts';
import { afterPassword, mfaChallengeTtlMs } from '../use-cases/after-password.ts';
import { enrolAtSignIn } from '../use-cases/enrol-second-factor.ts';
import { rememberDeviceMs, verifySecondFactor } from '../use-cases/verify-second-factor.ts';
import { renderEnrolment, renderRecoveryCodes } from './render-second-factor.ts';
import { messageOf, settle } from './settle.ts';
import { waitText } from './wait-text.ts';

const CodeForm = z.object({
  code: z.string().trim().min(1, says('mfa.code.required')).max(40),
  remember: z.literal('yes').optional(),
});

const challengeCookie = (deps: AccountDeps) => cookieName('pas_mfa', deps.config.secure);
const deviceCookie = (deps: AccountDeps) => cookieName('pas_device', deps.config.secure);

/** After a password proven: the session, or the second factor first (its code, or its setup). */
export async function continueAfterPassword(
  req: Request,
  res: Response,
  deps: AccountDeps,
  user: Readonly<User>,
  next: string,
): Promise<void> {
  const device = readCookie(req.headers.cookie, deviceCookie(deps));
  const step = await afterPassword({ user, next, device }, { ...deps, requiredRoles: deps.config.mfaRequiredRoles });
  if (step.kind === 'session') {
    await startSession(res, deps, user, res.locals.sessionId);
    return res.redirect(303, next);
  }
  res.cookie(challengeCookie(deps), step.challenge, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secure,
    path: '/',
    maxAge: mfaChallengeTtlMs,
  });
  res.redirect(303, step.kind === 'code' ? '/login/code' : '/login/enrol');
}

function renderCode(res: Response, errors: FieldErrors) {
  res.render('accounts/mfa-code', { title: res.locals.t('mfa.code.title'), errors, noindex: true });
}

/** The challenge of this browser, or undefined (then back to the sign-in page: the step has expired). */
async function currentChallenge(req: Request, deps: AccountDeps) {
  return findMfaChallenge(deps.store, readCookie(req.headers.cookie, challengeCookie(deps)), deps.clock());
}

export function showCode(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    if (!(await currentChallenge(req, deps))) return res.redirect(303, '/login');
    renderCode(res, {});
  };
}

async function signedIn(res: Response, deps: AccountDeps, user: Readonly<User>) {
  res.clearCookie(challengeCookie(deps), { path: '/', secure: deps.config.secure });
  await startSession(res, deps, user, res.locals.sessionId);
}

export function submitCode(deps: AccountDeps, throttle: LoginThrottle): RequestHandler {
  return async (req, res) => {
    const form = parseForm(CodeForm, req.body);
    if (!form.ok) return renderCode(res.status(400), form.errors);
    const challenge = readCookie(req.headers.cookie, challengeCookie(deps));
    const input = { challenge, code: form.data.code, remember: form.data.remember === 'yes', client: req.ip ?? '' };
    const passed = await settle(verifySecondFactor(input, deps, throttle), [
      MfaChallengeExpiredError,
      SecondFactorInvalidError,
      SignInThrottledError,
    ]);
    if (passed instanceof MfaChallengeExpiredError) return res.redirect(303, '/login');
    if (passed instanceof SignInThrottledError) {
      const code = res.locals.t('accounts.login.tooManyForAccount', { wait: waitText(res.locals.t, passed.waitMs) });
      return renderCode(res.status(429), { code });
    }
    if (passed instanceof SecondFactorInvalidError)
      return renderCode(res.status(401), { code: messageOf(res, passed) });
    await signedIn(res, deps, passed.user);
    if (passed.device)
      res.cookie(deviceCookie(deps), passed.device, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secure,
        path: '/',
        maxAge: rememberDeviceMs,
      });
    res.redirect(303, passed.next);
  };
}

/** The key to set up, for the person whose password was just proven. */
async function enrolment(req: Request, deps: AccountDeps) {
  const challenge = await currentChallenge(req, deps);
  const user = challenge && (await findUser(deps.store, challenge.userId));
  const factor = user && (await findSecondFactor(deps.store, user.id));
  return user && factor?.pendingSecret ? { user, secret: factor.pendingSecret } : undefined;
}

export function showEnrolAtSignIn(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const found = await enrolment(req, deps);
    if (!found) return res.redirect(303, '/login');
    renderEnrolment(res, deps, { ...found, action: '/login/enrol', required: true, errors: {} });
  };
}

export function submitEnrolAtSignIn(deps: AccountDeps, throttle: LoginThrottle): RequestHandler {
  return async (req, res) => {
    const found = await enrolment(req, deps);
    if (!found) return res.redirect(303, '/login');
    const shown = { ...found, action: '/login/enrol', required: true };
    const form = parseForm(CodeForm, req.body);
    if (!form.ok) return renderEnrolment(res.status(400), deps, { ...shown, errors: form.errors });
    const challenge = readCookie(req.headers.cookie, challengeCookie(deps));
    const done = await settle(
      enrolAtSignIn({ challenge, code: form.data.code, client: req.ip ?? '' }, deps, throttle),
      [MfaChallengeExpiredError, SecondFactorInvalidError, SignInThrottledError],
    );
    if (done instanceof MfaChallengeExpiredError) return res.redirect(303, '/login');
    if (done instanceof SignInThrottledError) {
      const code = res.locals.t('accounts.login.tooManyForAccount', { wait: waitText(res.locals.t, done.waitMs) });
      return renderEnrolment(res.status(429), deps, { ...shown, errors: { code } });
    }
    if (done instanceof SecondFactorInvalidError)
      return renderEnrolment(res.status(401), deps, { ...shown, errors: { code: messageOf(res, done) } });
    await signedIn(res, deps, done.user);
    renderRecoveryCodes(res, done.codes, done.next);
  };
}
