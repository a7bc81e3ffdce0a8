import type { User } from '../accounts/schema.ts';
import type { Catalog } from '../catalog/course.ts';
import type { AppCollections, AppStore, AppTx } from '../store/app-collections.ts';
import type { Row } from '../store/store.ts';
import { loadTree } from '../structures/queries.ts';
import type { StructureTree } from '../structures/tree.ts';
import { coveredStructures, membershipsOf } from './assignment-coverage.ts';
import { type AssignmentState, assignmentState, byUrgency } from './assignment-status.ts';
import type { Assignment } from './schema.ts';

type Reader = Pick<AppTx, 'get' | 'findBy'>;
type Enrollment = Row<AppCollections, 'enrollments'>;

export function findAssignment(reader: Reader, id: string): Promise<Readonly<Assignment> | undefined> {
  return reader.get('assignments', id);
}

/** Active assignments, the most recent first. */
export async function activeAssignments(reader: Reader): Promise<Readonly<Assignment>[]> {
  return (await reader.findBy('assignments', 'status', 'active')).sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
}

/**
 * Whether an assignment concerns a person; `memberships` are the structures they belong to (theirs and every
 * one above it, assignment-coverage.ts), so an assignment to a structure reaches everything below it.
 */
export function appliesTo(
  assignment: Readonly<Assignment>,
  person: Pick<User, 'id'>,
  memberships: ReadonlySet<string>,
): boolean {
  if (assignment.target === 'everyone') return true;
  if (assignment.target === 'structure') return memberships.has(assignment.structure ?? '');
  return assignment.userIds.includes(person.id);
}

/**
 * The due date of a course for one person: the earliest among the given assignments of that course that
 * concern them (assigned twice, the earlier date counts), null when none has a date.
 */
export function earliestDueDate(
  assignments: readonly Readonly<Assignment>[],
  person: Pick<User, 'id'>,
  memberships: ReadonlySet<string>,
  course: string,
): string | null {
  let earliest: string | null = null;
  for (const assignment of assignments) {
    if (assignment.course !== course || assignment.dueDate === null) continue;
    if (!appliesTo(assignment, person, memberships)) continue;
    if (earliest === null || assignment.dueDate < earliest) earliest = assignment.dueDate;
  }
  return earliest;
}

/**
 * The active accounts an assignment concerns today (a newcomer to the structure or below it included);
 * `tree` is read from the store when not given.
 */
export async function peopleOf(
  store: AppStore,
  assignment: Readonly<Assignment>,
  tree?: StructureTree,
): Promise<Readonly<User>[]> {
  const covered =
    assignment.target === 'structure'
      ? coveredStructures(tree ?? (await loadTree(store)), assignment.structure ?? '')
      : undefined;
  let people: Readonly<User>[] = [];
  if (covered) people = (await Promise.all(covered.map((code) => store.findBy('users', 'structure', code)))).flat();
  else if (assignment.target === 'people')
    people = (await Promise.all(assignment.userIds.map((id) => store.get('users', id)))).filter((u) => u !== undefined);
  else for await (const person of store.all('users')) people.push(person);
  return people.filter((p) => p.active);
}

/** Each person's latest enrollment in a course. */
async function enrollmentsIn(reader: Reader, course: string): Promise<Map<string, Readonly<Enrollment>>> {
  const byUser = new Map<string, Readonly<Enrollment>>();
  for (const e of await reader.findBy('enrollments', 'course', course)) {
    const known = byUser.get(e.userId);
    if (!known || (e.completedAt ?? '') > (known.completedAt ?? '')) byUser.set(e.userId, e);
  }
  return byUser;
}

export interface AssignedPerson {
  person: Readonly<User>;
  state: AssignmentState;
  completedAt: string | null;
}

/** Everyone an assignment concerns with where they stand, the late ones first, then by name. */
export async function assignmentProgress(
  store: AppStore,
  assignment: Readonly<Assignment>,
  today: string,
  tree?: StructureTree,
): Promise<AssignedPerson[]> {
  const [people, enrollments] = await Promise.all([
    peopleOf(store, assignment, tree),
    enrollmentsIn(store, assignment.course),
  ]);
  const rank: Record<AssignmentState, number> = { late: 0, notStarted: 1, inProgress: 2, doneLate: 3, done: 4 };
  return people
    .map((person) => {
      const enrollment = enrollments.get(person.id);
      return {
        person,
        state: assignmentState(enrollment, assignment.dueDate, today),
        completedAt: enrollment?.completedAt ?? null,
      };
    })
    .sort((a, b) => rank[a.state] - rank[b.state] || a.person.name.localeCompare(b.person.name, 'fr'));
}

export interface TodoItem {
  course: string;
  title: string;
  dueDate: string | null;
  late: boolean;
  started: boolean;
}

/** « À faire »: the published courses assigned to this person and not completed, late and nearest first. */
export async function todoOf(
  reader: Reader,
  catalog: Catalog,
  person: Pick<User, 'id' | 'structure'>,
  today: string,
): Promise<TodoItem[]> {
  const active = await activeAssignments(reader);
  // The person's own path to the root, read only when an assignment names a structure.
  const memberships = active.some((a) => a.target === 'structure')
    ? await membershipsOf(reader, person.structure)
    : new Set([person.structure]);
  const assignments = active.filter((a) => appliesTo(a, person, memberships));
  if (assignments.length === 0) return [];
  const enrollments = await reader.findBy('enrollments', 'userId', person.id);
  const byCourse = new Map<string, TodoItem>();
  for (const assignment of assignments) {
    const course = catalog.bySlug.get(assignment.course);
    if (!course) continue;
    const enrollment =
      enrollments.find((e) => e.course === course.slug && e.completedAt) ??
      enrollments.find((e) => e.course === course.slug);
    const state = assignmentState(enrollment, assignment.dueDate, today);
    if (state === 'done' || state === 'doneLate') continue;
    const item = {
      course: course.slug,
      title: course.title,
      dueDate: assignment.dueDate,
      late: state === 'late',
      started: state !== 'notStarted',
    };
    const known = byCourse.get(course.slug);
    // Assigned twice (to the structure and by name): the earlier due date counts.
    if (!known || byUrgency(item, known) < 0) byCourse.set(course.slug, item);
  }
  return [...byCourse.values()].sort(byUrgency);
}
