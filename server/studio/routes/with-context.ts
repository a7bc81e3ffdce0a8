import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { StudioContext } from '../studio-context.ts';

/** A studio handler: the studio's context first, then what Express gives every handler. */
export type StudioHandler = (ctx: StudioContext, req: Request, res: Response, next: NextFunction) => unknown;

/** Gives handlers the context, so a route table reads `.get(path, on(handler))`. */
export function withContext(ctx: StudioContext): (handler: StudioHandler) => RequestHandler {
  return (handler) => (req, res, next) => handler(ctx, req, res, next);
}
