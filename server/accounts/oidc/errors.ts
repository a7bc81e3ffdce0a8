// The refusals of single sign-on, each with its French page (views/accounts/oidc-error.ejs) and a way back.
import { ForbiddenError, NotFoundError, UnavailableError } from '../../shared/errors.ts';

/** The identity provider cannot be reached, or answers with something that is not OpenID Connect. */
export class OidcUnavailableError extends UnavailableError {
  constructor(cause?: unknown) {
    super('identity provider unavailable', { messageKey: 'sso.error.unavailable', cause });
  }
}

/** The person refused, or cancelled, at the provider. */
export class OidcConsentDeniedError extends ForbiddenError {
  constructor() {
    super('consent denied at the identity provider', { messageKey: 'sso.error.denied' });
  }
}

/** The sign-in came back unknown, already used or too late (another tab, the back button, a copied link). */
export class OidcSignInExpiredError extends ForbiddenError {
  constructor() {
    super('sign-in attempt unknown, used or expired', { messageKey: 'sso.error.expired' });
  }
}

/** The answer failed a check (state, code, ID token issuer, audience, expiry, signature, nonce). */
export class OidcSignInRejectedError extends ForbiddenError {
  constructor(cause?: unknown) {
    super('identity provider answer rejected', { messageKey: 'sso.error.rejected', cause });
  }
}

/** Linking or creating an account by e-mail needs an address the provider says it verified. */
export class OidcEmailNotVerifiedError extends ForbiddenError {
  constructor() {
    super('e-mail missing or not verified', { messageKey: 'sso.error.emailNotVerified' });
  }
}

/** The Passerelle account was deactivated by an administrator. */
export class OidcAccountDeactivatedError extends ForbiddenError {
  constructor() {
    super('account deactivated', { messageKey: 'sso.error.deactivated' });
  }
}

/** Single sign-on is not configured on this installation. */
export class OidcNotConfiguredError extends NotFoundError {
  constructor() {
    super('single sign-on not configured', { messageKey: 'sso.error.notConfigured' });
  }
}
