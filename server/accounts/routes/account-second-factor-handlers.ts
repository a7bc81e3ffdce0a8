// The person's own second factor: its state, setting it up or moving it to a new phone.
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { parseForm } from '../../http/parse-form.ts';
import { says } from '../../shared/says.ts';
import type { AccountDeps } from '../account-deps.ts';
import { SignInThrottledError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { NoEnrolmentError, SecondFactorInvalidError } from '../mfa/errors.ts';
import { secondFactorRequired } from '../privileged.ts';
import { findSecondFactor } from '../queries.ts';
import { enrolFromAccount, startEnrolment } from '../use-cases/enrol-second-factor.ts';
import { renderEnrolment, renderRecoveryCodes } from './render-second-factor.ts';
import { messageOf, settle } from './settle.ts';
import { waitText } from './wait-text.ts';

const CodeForm = z.object({ code: z.string().trim().min(1, says('mfa.code.required')).max(40) });

export function showSecondFactor(deps: AccountDeps): RequestHandler {
  return async (_req, res) => {
    const user = res.locals.user!;
    const factor = await findSecondFactor(deps.store, user.id);
    res.render('accounts/mfa-account', {
      title: res.locals.t('mfa.account.title'),
      factor: factor?.secret ? factor : undefined,
      viaProvider: res.locals.sessionMethod === 'oidc',
    });
  };
}

export function submitStartEnrolment(deps: AccountDeps): RequestHandler {
  return async (_req, res) => {
    await startEnrolment(res.locals.user!.id, deps);
    res.redirect(303, '/account/second-factor/enrol');
  };
}

async function pendingSecret(res: Response, deps: AccountDeps) {
  return (await findSecondFactor(deps.store, res.locals.user!.id))?.pendingSecret ?? undefined;
}

export function showAccountEnrolment(deps: AccountDeps): RequestHandler {
  return async (_req, res) => {
    const secret = await pendingSecret(res, deps);
    if (!secret) return res.redirect(303, '/account/second-factor');
    const required = secondFactorRequired(deps.config.mfaRequiredRoles, res.locals.roles!);
    renderEnrolment(res, deps, {
      user: res.locals.user!,
      secret,
      action: '/account/second-factor/enrol',
      required,
      errors: {},
    });
  };
}

export function submitAccountEnrolment(deps: AccountDeps, throttle: LoginThrottle): RequestHandler {
  return async (req, res) => {
    const user = res.locals.user!;
    const secret = await pendingSecret(res, deps);
    if (!secret) return res.redirect(303, '/account/second-factor');
    const required = secondFactorRequired(deps.config.mfaRequiredRoles, res.locals.roles!);
    const shown = { user, secret, action: '/account/second-factor/enrol', required };
    const form = parseForm(CodeForm, req.body);
    if (!form.ok) return renderEnrolment(res.status(400), deps, { ...shown, errors: form.errors });
    const codes = await settle(
      enrolFromAccount({ userId: user.id, code: form.data.code, client: req.ip ?? '' }, deps, throttle),
      [SecondFactorInvalidError, SignInThrottledError, NoEnrolmentError],
    );
    if (codes instanceof NoEnrolmentError) return res.redirect(303, '/account/second-factor');
    if (codes instanceof SignInThrottledError) {
      const code = res.locals.t('accounts.login.tooManyForAccount', { wait: waitText(res.locals.t, codes.waitMs) });
      return renderEnrolment(res.status(429), deps, { ...shown, errors: { code } });
    }
    if (codes instanceof SecondFactorInvalidError)
      return renderEnrolment(res.status(401), deps, { ...shown, errors: { code: messageOf(res, codes) } });
    renderRecoveryCodes(res, codes, '/account/second-factor');
  };
}
