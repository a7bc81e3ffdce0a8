import type { MessageKey } from '../i18n/fr.ts';

/** An error that carries the HTTP status it maps to; the error handler renders it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly titleKey: MessageKey,
    readonly bodyKey: MessageKey,
  ) {
    super(`HTTP ${status}`);
  }
}

export class NotFoundError extends HttpError {
  constructor() {
    super(404, 'error.404.title', 'error.404.body');
  }
}

export class ForbiddenError extends HttpError {
  constructor(bodyKey: MessageKey = 'error.403.body') {
    super(403, 'error.403.title', bodyKey);
  }
}
