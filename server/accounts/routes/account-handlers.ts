import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { says } from '../../shared/says.ts';
import type { AccountDeps } from '../account-deps.ts';
import { SignInThrottledError, WeakPasswordError, WrongPasswordError } from '../errors.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import { endEverySession } from '../session-cookie.ts';
import { changePassword } from '../use-cases/change-password.ts';
import { PasswordFields } from './password-fields.ts';
import { messageOf, settle } from './settle.ts';
import { waitText } from './wait-text.ts';

const CurrentPassword = z.object({
  current: z.string().min(1, says('accounts.changePassword.currentRequired')).max(200),
});

function renderChangePassword(res: Response, errors: FieldErrors) {
  const { t } = res.locals;
  res.render('accounts/change-password', {
    title: t('accounts.changePassword.title'),
    notice: res.req.query.done === '1' ? t('accounts.changePassword.done') : undefined,
    errors,
  });
}

export const showChangePassword: RequestHandler = (_req, res) => {
  renderChangePassword(res, {});
};

export function submitChangePassword(deps: AccountDeps, throttle: LoginThrottle): RequestHandler {
  return async (req, res) => {
    const current = parseForm(CurrentPassword, req.body);
    const chosen = parseForm(PasswordFields, req.body);
    if (!current.ok || !chosen.ok) {
      return renderChangePassword(res.status(400), {
        ...(current.ok ? {} : current.errors),
        ...(chosen.ok ? {} : chosen.errors),
      });
    }
    const input = {
      userId: res.locals.user!.id,
      sessionId: res.locals.sessionId!,
      current: current.data.current,
      password: chosen.data.password,
      client: req.ip ?? '',
    };
    const changed = await settle(changePassword(input, deps, throttle), [
      WrongPasswordError,
      WeakPasswordError,
      SignInThrottledError,
    ]);
    if (changed instanceof WrongPasswordError)
      return renderChangePassword(res.status(400), { current: messageOf(res, changed) });
    if (changed instanceof WeakPasswordError)
      return renderChangePassword(res.status(400), { password: messageOf(res, changed) });
    if (changed instanceof SignInThrottledError) {
      const wait = waitText(res.locals.t, changed.waitMs);
      return renderChangePassword(res.status(429), {
        _form: res.locals.t('accounts.login.tooManyForAccount', { wait }),
      });
    }
    res.redirect(303, '/account/password?done=1');
  };
}

export const showSignOutEverywhere: RequestHandler = (_req, res) => {
  res.render('accounts/sign-out-everywhere', { title: res.locals.t('accounts.signOutEverywhere.title') });
};

export function submitSignOutEverywhere(deps: AccountDeps): RequestHandler {
  return async (_req, res) => {
    await endEverySession(res, deps);
    res.redirect(303, '/login');
  };
}
