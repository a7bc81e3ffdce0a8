import type { Course } from '../catalog/course.ts';
import { NotFoundError } from '../shared/errors.ts';

/** The position in its course of the module of this slug; anything else is not found. */
export function findModuleIndex(course: Course, slug: unknown): number {
  const index = course.modules.findIndex((m) => m.slug === slug);
  if (index === -1) throw new NotFoundError();
  return index;
}
