import type { RequestHandler } from 'express';

/**
 * Runs `routes` only for paths under one of `prefixes` (the prefix itself or below it): every other
 * request skips all their routes at once instead of being matched against each of them. Every route of
 * `routes` must live under these prefixes.
 */
export function routesUnder(prefixes: string[], routes: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const path = req.path;
    if (prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return routes(req, res, next);
    next();
  };
}
