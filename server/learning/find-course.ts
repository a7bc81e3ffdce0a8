import type { Catalog, Course } from '../catalog/course.ts';
import { NotFoundError } from '../shared/errors.ts';

/**
 * The published course of this slug, if offered where the person is (`reach`: the structures from theirs
 * up to the root; everything when undefined); anything else is not found.
 */
export function findCourse(catalog: Catalog, slug: unknown, reach?: ReadonlySet<string>): Course {
  const course = typeof slug === 'string' ? catalog.bySlug.get(slug) : undefined;
  if (!course || (reach && !reach.has(course.structure))) throw new NotFoundError();
  return course;
}

/** The courses offered where the person is: the union of the catalogues along their path to the root. */
export function offeredCourses(catalog: Catalog, reach?: ReadonlySet<string>): Course[] {
  return reach ? catalog.courses.filter((course) => reach.has(course.structure)) : catalog.courses;
}
