import type { RequestHandler } from 'express';
import type { Catalog } from '../catalog/course.ts';
import type { AppStore } from '../store/app-collections.ts';
import { pathCodes } from '../structures/queries.ts';
import { rootCode } from '../structures/schema.ts';

declare global {
  namespace Express {
    interface Locals {
      /** The structures whose courses this person is offered (learning/find-course.ts); all when unset. */
      courseReach?: ReadonlySet<string>;
    }
  }
}

/**
 * Sets the reach of the request: a visitor sees the network's courses, a person those of every structure
 * from theirs up to the root, read by walking up from their structure (a few rows, never the whole
 * network). While every course is the network's, nothing is read.
 */
export function courseReach(store: AppStore, getCatalog: () => Catalog): RequestHandler {
  return async (_req, res, next) => {
    if (res.locals.courseReach || getCatalog().courses.every((course) => course.structure === rootCode)) return next();
    const user = res.locals.user;
    res.locals.courseReach = new Set(user ? await pathCodes(store, user.structure) : [rootCode]);
    next();
  };
}
