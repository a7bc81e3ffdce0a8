import { parisDate } from '../assignments/assignment-status.ts';
import { activeAssignments, appliesTo, earliestDueDate, findAssignment } from '../assignments/queries.ts';
import type { Assignment } from '../assignments/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { CompletionQuery } from './completions-source.ts';
import type { RowDueDate } from './listed-completion.ts';

type Person = Parameters<typeof appliesTo>[1];

/** What the assignments change in a list of rows: the due dates, and the filter by assignment. */
export interface AssignmentScope {
  /** The assignments whose due dates count: the one filtered on, or every active one. */
  assignments: readonly Readonly<Assignment>[];
  /** The assignment filtered on: only its course, only the people it concerns (not started included). */
  only: Readonly<Assignment> | undefined;
  /** The Paris day of the request: a course due yesterday is late today. */
  today: string;
}

/**
 * The scope of a query, and the query narrowed to the filtered assignment's course; the query is
 * undefined when nothing can match (an unknown assignment, or another course asked for).
 */
export async function assignmentScope(
  store: Pick<AppStore, 'get' | 'findBy'>,
  query: CompletionQuery,
  clock: Clock,
): Promise<{ scope: AssignmentScope; query: CompletionQuery | undefined }> {
  const today = parisDate(clock());
  if (!query.assignment)
    return { scope: { assignments: await activeAssignments(store), only: undefined, today }, query };
  const only = await findAssignment(store, query.assignment);
  const scope = { assignments: only ? [only] : [], only, today };
  if (!only || (query.course && query.course !== only.course)) return { scope, query: undefined };
  return { scope, query: { ...query, course: only.course } };
}

/** Courses that may have late rows: only those assigned with a due date. */
export function coursesDue(scope: AssignmentScope): Set<string> {
  return new Set(scope.assignments.filter((a) => a.dueDate !== null).map((a) => a.course));
}

/** Whether a person's rows are listed: everyone's, or only those the filtered assignment concerns. */
export function concerns(scope: AssignmentScope, person: Person): boolean {
  return !scope.only || appliesTo(scope.only, person);
}

/** A row's due date (the earliest of the scope's assignments for this person and course) and today. */
export function dueOf(scope: AssignmentScope, person: Person, course: string): RowDueDate {
  return { dueDate: earliestDueDate(scope.assignments, person, course), today: scope.today };
}
