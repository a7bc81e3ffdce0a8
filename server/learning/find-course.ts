import type { Catalog, Course } from '../catalog/course.ts';
import { NotFoundError } from '../shared/errors.ts';

/** The published course of this slug; anything else is not found. */
export function findCourse(catalog: Catalog, slug: unknown): Course {
  const course = typeof slug === 'string' ? catalog.bySlug.get(slug) : undefined;
  if (!course) throw new NotFoundError();
  return course;
}
