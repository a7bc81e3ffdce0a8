import type { ErrorRequestHandler, RequestHandler } from 'express';
import { translate } from '../i18n/translate.ts';
import { NotFoundError } from '../shared/errors.ts';
import { toHttpFailure } from './error-map.ts';

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** Renders a French error page; internals (stack, messages) go to the log only, never to the page. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const failure = toHttpFailure(error);
  if (failure.status >= 500) console.error(`error ${req.method} ${req.path}:`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(failure.status);
  res.locals.t ??= translate;
  const title = translate(failure.titleKey);
  if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
    res.json({ error: title });
    return;
  }
  res.render('errors/error', { title, message: translate(failure.bodyKey, failure.params), status: failure.status });
};
