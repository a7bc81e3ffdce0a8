import type { RequestHandler } from 'express';
import { type RoutesUnder, routesUnder } from './routes-under.ts';

/**
 * Mounts routes whose module is imported on the first request under one of `prefixes` instead of at
 * start-up. For the parts few people use and whose libraries are heavy to load (pdfkit, zip):
 * importing them eagerly cost about a second of every start (docs/decisions/006-performance.md).
 * Every route of such a module must live under its prefixes, or it is not found until the module loads.
 */
export function lazyRoutes(prefixes: string[], load: () => Promise<RequestHandler>): RoutesUnder {
  let routes: Promise<RequestHandler> | undefined;
  return routesUnder(prefixes, (req, res, next) => {
    routes ??= load().catch((error: unknown) => {
      routes = undefined; // a failed import is tried again by the next request
      throw error;
    });
    routes.then((handle) => handle(req, res, next), next);
  });
}
