import type { RequestHandler } from 'express';
import { NotFoundError } from '../../shared/errors.ts';
import { courseInScope, studioScope } from '../course-scope.ts';
import type { StudioContext } from '../studio-context.ts';
import { slugOf } from './params.ts';

/** The addresses that name a course: everything under them is the course's. */
export const coursePaths = ['/studio/courses/:course', '/studio/preview/:course', '/studio/history/:version/:course'];

/**
 * A course outside the trainer's scope does not exist for them (404), whatever the page or action: checked
 * once, before any studio route of the course runs.
 */
export function requireCourseInScope(ctx: StudioContext): RequestHandler {
  return async (req, res, next) => {
    if (!(await courseInScope(ctx, slugOf(req), await studioScope(ctx, res.locals.user!)))) throw new NotFoundError();
    next();
  };
}
