// The records of the rows a query matches, read from the store's collections: the dashboard's page and
// totals, an export, and the totals kept per structure (kept-totals.ts) are all made of these.
import type { User } from '../accounts/schema.ts';
import type { Catalog } from '../catalog/course.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { type AssignmentScope, assignmentScope, concerns, dueOf } from './assignment-scope.ts';
import { type CompletionMatch, enrolledMatch, notStartedMatch } from './completion-match.ts';
import { type CompletionPeriod, completedWithin, completionPeriod } from './completion-period.ts';
import type { CompletionQuery } from './completions-source.ts';
import { latestCertificate } from './latest-certificate.ts';
import { accountsIn, enrollmentsByPerson, hasStarted, hasStartedAnyCourse, type PersonEnrollments } from './queries.ts';
import { notStartedCourses, wantsNotStarted } from './wants-not-started.ts';

/**
 * The records of the rows matching the query, in batches: in-memory lookups resolve at once, and an await
 * (or a generator's step) per row cost as much as the row's own work; a batch is handed over every few
 * hundred rows, and the loop pauses every few thousand so that other requests are not held back.
 */
export async function matchingCompletions(
  store: AppStore,
  catalog: Catalog,
  asked: CompletionQuery,
  clock: Clock,
): Promise<{ today: string; batches: AsyncGenerator<CompletionMatch[]> }> {
  const { scope, query } = await assignmentScope(store, asked, clock);
  return { today: scope.today, batches: query ? batchesOf(store, catalog, query, scope) : noBatches() };
}

async function* noBatches(): AsyncGenerator<CompletionMatch[]> {}

export async function* batchesOf(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
  scope: AssignmentScope,
): AsyncGenerator<CompletionMatch[]> {
  const reach = query.scope && new Set(query.scope);
  const batches = new Batches();
  const period = completionPeriod(query);
  if (query.status !== 'not_started') {
    const add = (match: CompletionMatch) => batches.add(match);
    for await (const group of enrollmentsByPerson(store, query))
      for (const person of group) {
        if (batches.due()) yield* batches.handOver();
        if (isInQuery(person.user, query, scope, reach)) personMatches(person, catalog, query, scope, period, add);
      }
  }
  if (wantsNotStarted(query)) yield* notStartedBatches(store, catalog, query, scope, reach, batches);
  yield* batches.handOver();
}

/** Whether the query lists a person's rows: the assignment filtered on concerns them, and they are in scope. */
export function isInQuery(
  user: Readonly<User>,
  query: CompletionQuery,
  scope: AssignmentScope,
  reach: ReadonlySet<string> | undefined,
): boolean {
  if (!concerns(scope, user)) return false;
  if (query.structure !== undefined && user.structure !== query.structure) return false;
  return !reach || reach.has(user.structure);
}

/** The records of the person's started courses that the query lists, each given to `add`. */
export function personMatches(
  { user, enrollments, certificates }: PersonEnrollments,
  catalog: Catalog,
  query: CompletionQuery,
  scope: AssignmentScope,
  period: CompletionPeriod | undefined,
  add: (match: CompletionMatch) => void,
): void {
  for (const enrollment of enrollments) {
    if (!isListed(enrollment, query, period)) continue;
    const course = catalog.bySlug.get(enrollment.course);
    const certificate = latestCertificate(certificates, enrollment.course);
    const match = enrolledMatch(user, enrollment, course, certificate, dueOf(scope, user, enrollment.course));
    if (!query.status || match.status === query.status) add(match);
  }
}

/** The filters an enrollment answers alone: the course, the completion period, completed or not. */
function isListed(
  enrollment: Readonly<Enrollment>,
  query: CompletionQuery,
  period: CompletionPeriod | undefined,
): boolean {
  if (query.course && enrollment.course !== query.course) return false;
  if (period && !completedWithin(period, enrollment.completedAt)) return false;
  if ((query.status === 'in_progress' || query.status === 'late') && enrollment.completedAt) return false;
  if ((query.status === 'completed' || query.status === 'revoked') && !enrollment.completedAt) return false;
  return true;
}

async function* notStartedBatches(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
  scope: AssignmentScope,
  reach: ReadonlySet<string> | undefined,
  batches: Batches,
): AsyncGenerator<CompletionMatch[]> {
  for (const course of notStartedCourses(catalog, query, scope)) {
    for await (const user of await accountsIn(store, query.structure)) {
      if (batches.due()) yield* batches.handOver();
      if (!user.active || !isInQuery(user, query, scope, reach)) continue;
      if (await hasStarted(store, user.id, course.slug)) continue;
      // Trainers, HR and admins are counted only once they have followed a course themselves.
      if (user.role !== 'learner' && !(await hasStartedAnyCourse(store, user.id))) continue;
      const match = notStartedMatch(user, course, dueOf(scope, user, course.slug));
      if (!query.status || match.status === query.status) batches.add(match);
    }
  }
}

const batchSize = 500;
const peoplePerPause = 2_000;

/** Gathers the records into batches, and says when to hand one over: full, or enough people looked at. */
class Batches {
  #batch: CompletionMatch[] = [];
  #people = 0;

  add(match: CompletionMatch): void {
    this.#batch.push(match);
  }

  /** Counts one more person looked at; true when the batch is to be handed over now. */
  due(): boolean {
    this.#people += 1;
    return this.#batch.length >= batchSize || this.#people >= peoplePerPause;
  }

  /** Yields the batch gathered, if any, then pauses if the loop has run for long enough. */
  async *handOver(): AsyncGenerator<CompletionMatch[]> {
    if (this.#batch.length > 0) {
      const batch = this.#batch;
      this.#batch = [];
      yield batch;
    }
    if (this.#people >= peoplePerPause) {
      this.#people = 0;
      await nextTurn();
    }
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
