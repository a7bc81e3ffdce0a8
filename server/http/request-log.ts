import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Log } from '../shared/log.ts';
import { maskSecrets } from './mask-secrets.ts';

/** Gives each request an id (sent back as `X-Request-Id`, so a person can quote it) for the log lines. */
export const requestId: RequestHandler = (req, res, next) => {
  req.id = randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
};

/** One line per request: id, client, method, path with secrets masked, status, duration. */
export function requestLog(log: Log): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;
      log.info(
        {
          reqId: req.id,
          client: req.ip,
          method: req.method,
          path: maskSecrets(req.originalUrl),
          status: res.statusCode,
          ms,
        },
        'request',
      );
    });
    next();
  };
}
