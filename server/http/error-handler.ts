import type { ErrorRequestHandler, RequestHandler } from 'express';
import { translate } from '../i18n/translate.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { Log } from '../shared/log.ts';
import { toHttpFailure } from './error-map.ts';
import { maskSecrets } from './mask-secrets.ts';

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/**
 * Renders a French error page; internals go to the log only, never to the page. Server faults are
 * logged with their stack; a client's mistake (bad link, malformed form) is one line without one.
 */
export function errorHandler(log: Log): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const failure = toHttpFailure(error);
    const context = { reqId: req.id, client: req.ip, method: req.method, path: maskSecrets(req.originalUrl) };
    if (failure.status >= 500) log.error({ ...context, status: failure.status, err: error }, 'request failed');
    else if (failure.status !== 404)
      log.info({ ...context, status: failure.status, reason: (error as Error)?.name ?? 'error' }, 'request refused');
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
}
