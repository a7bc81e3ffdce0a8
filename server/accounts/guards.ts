import type { RequestHandler } from 'express';
import { ForbiddenError } from '../shared/errors.ts';
import type { Role } from './schema.ts';

/** Anonymous visitors are sent to the sign-in page, then back where they were going. */
export const requireUser: RequestHandler = (req, res, next) => {
  if (res.locals.user) return next();
  const back = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/');
  const target = back.startsWith('/') && !back.startsWith('//') ? back : '/';
  res.redirect(303, `/login?next=${encodeURIComponent(target)}`);
};

/** Signed-in users without one of these roles get 403. */
export function requireRole(...roles: Role[]): RequestHandler[] {
  return [
    requireUser,
    (_req, res, next) => {
      if (res.locals.user && roles.includes(res.locals.user.role)) return next();
      next(new ForbiddenError());
    },
  ];
}
