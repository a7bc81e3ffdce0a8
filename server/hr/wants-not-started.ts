import type { Catalog, Course } from '../catalog/course.ts';
import { type AssignmentScope, coursesDue } from './assignment-scope.ts';
import type { CompletionQuery } from './completions-source.ts';

/**
 * Not-started pairs would be every learner × every course: only listed when a course, an assignment, or
 * the status « not started » or « late » is asked for.
 */
export function wantsNotStarted(query: CompletionQuery): boolean {
  if (query.userId || query.from || query.to) return false;
  if (query.status && query.status !== 'not_started' && query.status !== 'late') return false;
  return Boolean(query.course || query.assignment) || query.status !== undefined;
}

/** The published courses whose not-started rows the query lists: the one it names, or all of them (due ones when late). */
export function notStartedCourses(catalog: Catalog, query: CompletionQuery, scope: AssignmentScope): Course[] {
  const due = query.status === 'late' ? coursesDue(scope) : undefined;
  const courses = query.course ? [catalog.bySlug.get(query.course)].filter((c) => c !== undefined) : catalog.courses;
  return due ? courses.filter((course) => due.has(course.slug)) : courses;
}
