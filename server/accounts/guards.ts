import type { RequestHandler } from 'express';
import { ForbiddenError } from '../shared/errors.ts';
import type { Role, User } from './schema.ts';

/** Anonymous visitors are sent to the sign-in page, then back where they were going. */
export const requireUser: RequestHandler = (req, res, next) => {
  if (res.locals.user) return next();
  const back = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/');
  const target = back.startsWith('/') && !back.startsWith('//') ? back : '/';
  res.redirect(303, `/login?next=${encodeURIComponent(target)}`);
};

/**
 * Signed-in users holding none of these roles, anywhere in the network, get 403. Holding one on part
 * of the network is enough to come in: what they then see is their scope (server/structures/scope.ts).
 */
export function requireRole(...roles: Role[]): RequestHandler[] {
  return [
    requireUser,
    (_req, res, next) => (holds(res.locals.roles, res.locals.user, roles) ? next() : next(new ForbiddenError())),
  ];
}

/** Only for those holding one of these roles on the whole network (the tree, the outbox of every e-mail). */
export function requireNetworkRole(...roles: Role[]): RequestHandler[] {
  return [
    requireUser,
    (_req, res, next) => (holds(res.locals.networkRoles, res.locals.user, roles) ? next() : next(new ForbiddenError())),
  ];
}

function holds(held: ReadonlySet<string> | undefined, user: Readonly<User> | undefined, roles: Role[]): boolean {
  if (!user) return false;
  return roles.some((role) => (held ? held.has(role) : user.role === role));
}
