import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RoutesUnder } from './routes-under.ts';

/**
 * Runs `handlers` one after the other as a single Express layer, as `app.use` of each in turn would:
 * `next()` (or `next('route')`) goes on to the following handler, an error (or 'router') leaves at once
 * for the app's next layers, and a rejected promise counts as that error. Express's router costs ~1 µs
 * per layer a request walks past, and every page walked ~40 of them (docs/decisions/026-module-page-cpu.md).
 * No handler here may take an error (four parameters): errors skip them all, as they skip plain middlewares.
 */
export function inOrder(...handlers: RequestHandler[]): RequestHandler {
  for (const handler of handlers) {
    if (handler.length > 3) throw new TypeError('inOrder: an error handler would never be called here');
  }
  return (req, res, done) => {
    let index = 0;
    const next: NextFunction = (err?: unknown) => {
      if (err && err !== 'route') return done(err);
      const path = req.path;
      while (index < handlers.length) {
        const handler = handlers[index++]!;
        // Groups of routes for other paths (routes-under.ts) are passed over without calling them.
        const covers = (handler as Partial<RoutesUnder>).covers;
        if (covers && !covers(path)) continue;
        return run(handler, req, res, next);
      }
      done();
    };
    next();
  };
}

/** What Express's layer does with a handler: a throw or a rejected promise becomes `next(error)`. */
function run(handler: RequestHandler, req: Request, res: Response, next: NextFunction): void {
  try {
    const result: unknown = handler(req, res, next);
    if (result instanceof Promise)
      result.then(undefined, (error: unknown) => next(error || new Error('Rejected promise')));
  } catch (error) {
    next(error);
  }
}
