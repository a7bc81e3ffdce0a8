import type { RequestHandler } from 'express';

/** Routes that serve only some paths, and say which (`inOrder` skips them without a call). */
export interface RoutesUnder extends RequestHandler {
  covers(path: string): boolean;
}

/**
 * Runs `routes` only for paths under one of `prefixes` (the prefix itself or below it): every other
 * request skips all their routes at once instead of being matched against each of them. Every route of
 * `routes` must live under these prefixes. Every request asks each group: the test allocates nothing.
 */
export function routesUnder(prefixes: string[], routes: RequestHandler): RoutesUnder {
  const below = prefixes.map((prefix) => `${prefix}/`);
  const covers = (path: string) => {
    for (let i = 0; i < prefixes.length; i++) if (path === prefixes[i] || path.startsWith(below[i]!)) return true;
    return false;
  };
  const handler: RequestHandler = (req, res, next) => (covers(req.path) ? routes(req, res, next) : next());
  return Object.assign(handler, { covers });
}
