import type { MessageKey } from '../i18n/fr.ts';

/** An answer decided by the HTTP layer itself (rate limits, guards); domain code throws domain errors instead. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly titleKey: MessageKey,
    readonly bodyKey: MessageKey,
  ) {
    super(`HTTP ${status}`);
  }
}

/** A form's CSRF token is missing or does not match the session. */
export class CsrfError extends Error {
  override readonly name = 'CsrfError';
}
