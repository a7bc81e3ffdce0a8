import type { RequestHandler } from 'express';

/** Secrets that may appear in a path (verification and invitation tokens) are masked in the log. */
const secretSegments = /\/(verify|invitations?|reset|setup)\/[^/]+/g;

/** One line per request: method, path (no query string: it may hold tokens or names), status, duration. */
export function requestLog(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const path = req.originalUrl.split('?')[0]!.replace(secretSegments, '/$1/…');
      write(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
