import type { ErrorRequestHandler, RequestHandler } from 'express';
import { translate } from '../i18n/translate.ts';
import { HttpError, NotFoundError } from './http-error.ts';

/** Maps named errors (from any domain) to a status; anything unknown is a 500. */
const statusOf = (error: unknown): HttpError => {
  if (error instanceof HttpError) return error;
  const named = error as { name?: string; status?: number; code?: string; type?: string };
  if (named?.name === 'StoreUnavailableError') return new HttpError(503, 'error.503.title', 'error.503.body');
  if (named?.code === 'EBADCSRFTOKEN' || named?.name === 'CsrfError')
    return new HttpError(403, 'error.403.title', 'error.csrf.body');
  if (named?.type === 'entity.too.large') return new HttpError(413, 'error.500.title', 'error.500.body');
  if (named?.status === 400 || named?.type === 'entity.parse.failed')
    return new HttpError(400, 'error.500.title', 'error.500.body');
  return new HttpError(500, 'error.500.title', 'error.500.body');
};

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** Renders a French error page; internals (stack, messages) go to the log only, never to the page. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const httpError = statusOf(error);
  if (httpError.status >= 500) console.error(`error ${req.method} ${req.path}:`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(httpError.status);
  res.locals.t ??= translate;
  if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
    res.json({ error: translate(httpError.titleKey) });
    return;
  }
  res.render('errors/error', {
    title: translate(httpError.titleKey),
    message: translate(httpError.bodyKey),
    status: httpError.status,
  });
};
