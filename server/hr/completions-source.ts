import type { Catalog } from '../catalog/course.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { CompletionFilters } from './completion-filters.ts';
import { completedWithin, completionPeriod } from './completion-period.ts';
import { latestCertificate } from './latest-certificate.ts';
import { enrolledRow, type ListedCompletion, notStartedRow } from './listed-completion.ts';
import {
  accountsIn,
  enrollmentsIn,
  findAccount,
  hasStarted,
  hasStartedAnyCourse,
  learnerFactsReader,
} from './queries.ts';
import { sortCompletions } from './sort-completions.ts';
import { notStartedCourses, wantsNotStarted } from './wants-not-started.ts';

/** What narrows the list: the dashboard's filters (page is ignored), or one learner's courses. */
export type CompletionQuery = Partial<Omit<CompletionFilters, 'page'>> & {
  userId?: string;
  /** The structure codes whose people may be listed (server/hr/scoped-completions.ts); all when undefined. */
  scope?: readonly string[];
};

/** Where the HR rows come from: the store read in memory today; a database would answer with SQL. */
export interface CompletionsSource {
  /**
   * One row per learner × course matching the query. Without `sort`, rows come in the source's order and
   * nothing is buffered, so an export streams; with `sort`, they come sorted.
   */
  list(query: CompletionQuery): AsyncIterable<ListedCompletion>;
}

/** The rows computed from the store's collections and the published catalog. */
export function completionsFromStore(store: AppStore, getCatalog: () => Catalog): CompletionsSource {
  return { list: (query) => inRequestedOrder(matchingCompletions(store, getCatalog(), query), query) };
}

/** The rows as they come (an export streams them), or all of them sorted when the query asks for an order. */
export async function* inRequestedOrder(
  rows: AsyncIterable<ListedCompletion>,
  query: CompletionQuery,
): AsyncGenerator<ListedCompletion> {
  if (!query.sort) {
    yield* rows;
    return;
  }
  const collected: ListedCompletion[] = [];
  for await (const row of rows) collected.push(row);
  yield* sortCompletions(collected, query.sort, query.dir ?? 'asc');
}

async function* matchingCompletions(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
): AsyncGenerator<ListedCompletion> {
  const period = completionPeriod(query);
  const enrollments = query.status === 'not_started' ? [] : await enrollmentsIn(store, query);
  const factsOf = learnerFactsReader(store);
  const pause = pauseEvery(2_000);
  const scope = query.scope && new Set(query.scope);
  for await (const enrollment of enrollments) {
    await pause();
    if (query.course && enrollment.course !== query.course) continue;
    const user = await findAccount(store, enrollment.userId);
    // Accounts are deactivated, never deleted; a row without its account has nobody to report on.
    if (!user) continue;
    if (query.structure !== undefined && user.structure !== query.structure) continue;
    if (scope && !scope.has(user.structure)) continue;
    if (period && !completedWithin(period, enrollment.completedAt)) continue;
    if (query.status === 'in_progress' && enrollment.completedAt) continue;
    if ((query.status === 'completed' || query.status === 'revoked') && !enrollment.completedAt) continue;
    const facts = await factsOf(user.id);
    const certificate = latestCertificate(facts.certificates, enrollment.course);
    const seconds = facts.secondsByCourse.get(enrollment.course) ?? 0;
    const row = enrolledRow(catalog.bySlug.get(enrollment.course), user, enrollment, certificate, seconds);
    if (query.status && row.status !== query.status) continue;
    yield row;
  }
  if (!wantsNotStarted(query)) return;
  for (const course of notStartedCourses(catalog, query)) {
    for await (const user of await accountsIn(store, query.structure)) {
      await pause();
      if (!user.active || (scope && !scope.has(user.structure))) continue;
      if (await hasStarted(store, user.id, course.slug)) continue;
      // Trainers, HR and admins are counted only once they have followed a course themselves.
      if (user.role !== 'learner' && !(await hasStartedAnyCourse(store, user.id))) continue;
      yield notStartedRow(course, user);
    }
  }
}

/** In-memory lookups resolve at once: without a pause, 30,000 rows would hold every other request back. */
function pauseEvery(rows: number): () => Promise<void> {
  let seen = 0;
  return async () => {
    seen += 1;
    if (seen % rows === 0) await new Promise((resolve) => setImmediate(resolve));
  };
}
