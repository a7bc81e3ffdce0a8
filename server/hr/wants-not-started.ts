import type { Catalog, Course } from '../catalog/course.ts';
import type { CompletionQuery } from './completions-source.ts';

/** Not-started pairs would be every learner × every course: only listed when a course or that status is asked for. */
export function wantsNotStarted(query: CompletionQuery): boolean {
  if (query.userId || query.from || query.to) return false;
  if (query.status && query.status !== 'not_started') return false;
  return Boolean(query.course) || query.status === 'not_started';
}

/** The published courses whose not-started rows the query lists: the one it names, or all of them. */
export function notStartedCourses(catalog: Catalog, query: CompletionQuery): Course[] {
  if (!query.course) return catalog.courses;
  const course = catalog.bySlug.get(query.course);
  return course ? [course] : [];
}
