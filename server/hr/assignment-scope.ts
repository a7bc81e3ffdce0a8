import { coveredStructures, membershipsCache } from '../assignments/assignment-coverage.ts';
import { parisDate } from '../assignments/assignment-status.ts';
import { activeAssignments, appliesTo, earliestDueDate, findAssignment } from '../assignments/queries.ts';
import type { Assignment } from '../assignments/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { loadTree } from '../structures/queries.ts';
import type { StructureTree } from '../structures/tree.ts';
import type { CompletionQuery } from './completions-source.ts';
import type { RowDueDate } from './listed-completion.ts';

type Person = Parameters<typeof appliesTo>[1] & { structure: string };

/** What the assignments change in a list of rows: the due dates, and the filter by assignment. */
export interface AssignmentScope {
  /** The assignments whose due dates count: the one filtered on, or every active one. */
  assignments: readonly Readonly<Assignment>[];
  /** The assignment filtered on: only its course, only the people it concerns (not started included). */
  only: Readonly<Assignment> | undefined;
  /** The Paris day of the request: a course due yesterday is late today. */
  today: string;
  /** The structures a person of this structure belongs to (theirs and those above): what an assignment reaches. */
  memberships: (structure: string) => ReadonlySet<string>;
  /** The structures an assignment to a structure covers (undefined: everyone), for the SQL path. */
  covered: (structure: string) => string[] | undefined;
}

/**
 * The scope of a query, and the query narrowed to the filtered assignment's course; the query is
 * undefined when nothing can match (an unknown assignment, or another course asked for).
 */
export async function assignmentScope(
  store: Pick<AppStore, 'get' | 'findBy' | 'all'>,
  query: CompletionQuery,
  clock: Clock,
): Promise<{ scope: AssignmentScope; query: CompletionQuery | undefined }> {
  const today = parisDate(clock());
  const only = query.assignment ? await findAssignment(store, query.assignment) : undefined;
  const assignments = query.assignment ? (only ? [only] : []) : await activeAssignments(store);
  const scope = { assignments, only, today, ...(await coverage(store, assignments, query.tree)) };
  if (!query.assignment) return { scope, query };
  if (!only || (query.course && query.course !== only.course)) return { scope, query: undefined };
  return { scope, query: { ...query, course: only.course } };
}

/** How far the assignments to a structure reach, on the request's tree (read only if one names a structure). */
async function coverage(
  store: Pick<AppStore, 'all' | 'get'>,
  assignments: readonly Readonly<Assignment>[],
  given: StructureTree | undefined,
): Promise<Pick<AssignmentScope, 'memberships' | 'covered'>> {
  if (!assignments.some((a) => a.target === 'structure')) {
    // One set per structure, not one per row: a network's dashboard asks for 150,000 rows.
    const own = new Map<string, ReadonlySet<string>>();
    const memberships = (structure: string) => {
      let set = own.get(structure);
      if (!set) {
        set = new Set([structure]);
        own.set(structure, set);
      }
      return set;
    };
    return { memberships, covered: (structure) => [structure] };
  }
  const tree = given ?? (await loadTree(store));
  return { memberships: membershipsCache(tree), covered: (structure) => coveredStructures(tree, structure) };
}

/** Courses that may have late rows: only those assigned with a due date. */
export function coursesDue(scope: AssignmentScope): Set<string> {
  return new Set(scope.assignments.filter((a) => a.dueDate !== null).map((a) => a.course));
}

/** Whether a person's rows are listed: everyone's, or only those the filtered assignment concerns. */
export function concerns(scope: AssignmentScope, person: Person): boolean {
  return !scope.only || appliesTo(scope.only, person, scope.memberships(person.structure));
}

/** A row's due date (the earliest of the scope's assignments for this person and course) and today. */
export function dueOf(scope: AssignmentScope, person: Person, course: string): RowDueDate {
  const memberships = scope.memberships(person.structure);
  return { dueDate: earliestDueDate(scope.assignments, person, memberships, course), today: scope.today };
}
