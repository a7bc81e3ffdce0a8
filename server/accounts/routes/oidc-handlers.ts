import type { RequestHandler, Response } from 'express';
import type { OidcConfig } from '../../config.ts';
import { cookieName, readCookie } from '../../http/csrf.ts';
import { toHttpFailure } from '../../http/error-map.ts';
import type { DomainError } from '../../shared/errors.ts';
import type { AccountDeps } from '../account-deps.ts';
import {
  OidcAccountDeactivatedError,
  OidcConsentDeniedError,
  OidcEmailNotVerifiedError,
  OidcNotConfiguredError,
  OidcSignInExpiredError,
  OidcSignInRejectedError,
  OidcUnavailableError,
} from '../oidc/errors.ts';
import type { RelyingParty } from '../oidc/oidc-relying-party.ts';
import { startSession } from '../session-cookie.ts';
import { beginOidcSignIn, oidcSignInTtlMs } from '../use-cases/begin-oidc-sign-in.ts';
import { completeOidcSignIn } from '../use-cases/complete-oidc-sign-in.ts';
import { messageOf, settle } from './settle.ts';
import { safeNext } from './sign-in-handlers.ts';

const refusals = [
  OidcUnavailableError,
  OidcConsentDeniedError,
  OidcSignInExpiredError,
  OidcSignInRejectedError,
  OidcEmailNotVerifiedError,
  OidcAccountDeactivatedError,
  OidcNotConfiguredError,
];
/** Refusals that starting again can fix; the others need an administrator, so only the way back is offered. */
const retryable = [OidcUnavailableError, OidcConsentDeniedError, OidcSignInExpiredError, OidcSignInRejectedError];

/** A page that says what happened and links back: never an automatic redirect, so never a loop. */
function renderRefusal(res: Response, error: DomainError) {
  res.status(toHttpFailure(error).status).render('accounts/oidc-error', {
    title: res.locals.t('sso.error.title'),
    message: messageOf(res, error),
    retry: retryable.some((kind) => error instanceof kind),
    noindex: true,
  });
}

const bindingCookie = (deps: AccountDeps) => cookieName('pas_oidc', deps.config.secure);

export interface OidcRoutesDeps extends AccountDeps {
  oidc?: OidcConfig;
  relyingParty?: RelyingParty;
}

/** GET /login/oidc: off to the provider, with this browser holding the key to the pending sign-in. */
export function startOidcSignIn(deps: OidcRoutesDeps): RequestHandler {
  return async (req, res) => {
    const { relyingParty } = deps;
    if (!relyingParty) return renderRefusal(res, new OidcNotConfiguredError());
    const began = await settle(
      beginOidcSignIn({ next: safeNext(req.query.next) }, { ...deps, relyingParty }),
      refusals,
    );
    if (began instanceof Error) return renderRefusal(res, began);
    res.cookie(bindingCookie(deps), began.binding, {
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET, which carries lax cookies.
      sameSite: 'lax',
      secure: deps.config.secure,
      path: '/',
      maxAge: oidcSignInTtlMs,
    });
    res.redirect(303, began.url);
  };
}

/** GET /login/oidc/callback: the provider's answer; a session on success, a French page otherwise. */
export function finishOidcSignIn(deps: OidcRoutesDeps): RequestHandler {
  return async (req, res) => {
    const { relyingParty, oidc } = deps;
    if (!relyingParty || !oidc) return renderRefusal(res, new OidcNotConfiguredError());
    const binding = readCookie(req.headers.cookie, bindingCookie(deps));
    res.clearCookie(bindingCookie(deps), { path: '/', secure: deps.config.secure });
    // The address registered at the provider, with the query the browser brought (never the Host header).
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const callbackUrl = new URL(`${oidc.redirectUri}${query}`);
    const done = await settle(
      completeOidcSignIn({ binding, callbackUrl, client: req.ip ?? '' }, { ...deps, oidc, relyingParty }),
      refusals,
    );
    if (done instanceof Error) return renderRefusal(res, done);
    await startSession(res, deps, done.user, res.locals.sessionId, 'oidc');
    res.redirect(303, safeNext(done.next));
  };
}
