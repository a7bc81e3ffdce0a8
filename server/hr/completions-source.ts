import type { Catalog } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import { pagePosition } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { StructureTree } from '../structures/tree.ts';
import { type AssignmentScope, assignmentScope, concerns, dueOf } from './assignment-scope.ts';
import type { CompletionFilters, CompletionSort } from './completion-filters.ts';
import { completedWithin, completionPeriod } from './completion-period.ts';
import { latestCertificate } from './latest-certificate.ts';
import { enrolledRow, type ListedCompletion, notStartedRow } from './listed-completion.ts';
import {
  accountsIn,
  certificatesReader,
  enrollmentsIn,
  findAccount,
  hasStarted,
  hasStartedAnyCourse,
} from './queries.ts';
import { firstSorted, sortCompletions } from './sort-completions.ts';
import { type CompletionSummary, summarizeCompletions } from './summarize-completions.ts';
import { notStartedCourses, wantsNotStarted } from './wants-not-started.ts';

/** What narrows the list: the dashboard's filters (page is ignored), or one learner's courses. */
export type CompletionQuery = Partial<Omit<CompletionFilters, 'page'>> & {
  userId?: string;
  /** The structure codes whose people may be listed (server/hr/scoped-completions.ts); all when undefined. */
  scope?: readonly string[];
  /** The network the scope was computed on, so assignments to a structure reach below it without reading it again. */
  tree?: StructureTree;
};

/** One page of sorted rows, how many rows match in all, and the totals over all of them. */
export interface CompletionPage {
  rows: ListedCompletion[];
  /** 1-based, clamped to the pages that exist (a bookmark past the end shows the last page). */
  page: number;
  pageCount: number;
  total: number;
  summary: CompletionSummary;
}

/** Where the HR rows come from: the store read in memory, or PostgreSQL answering with SQL. */
export interface CompletionsSource {
  /**
   * One row per learner × course matching the query. Without `sort`, rows come in the source's order and
   * nothing is buffered, so an export streams; with `sort`, they come sorted.
   */
  list(query: CompletionQuery): AsyncIterable<ListedCompletion>;
  /** What the dashboard shows: page `page` of `size` rows in the query's order, and the totals of all rows. */
  page(query: CompletionQuery & { sort: CompletionSort }, page: number, size: number): Promise<CompletionPage>;
}

/** The rows computed from the store's collections and the published catalog. */
export function completionsFromStore(store: AppStore, getCatalog: () => Catalog, clock: Clock): CompletionsSource {
  const list = (query: CompletionQuery) =>
    inRequestedOrder(matchingCompletions(store, getCatalog(), query, clock), query);
  return {
    list,
    page: async (query, page, size) => {
      const rows: ListedCompletion[] = [];
      for await (const row of matchingCompletions(store, getCatalog(), query, clock)) rows.push(row);
      const position = pagePosition(rows.length, page, size);
      // Only the rows up to this page are put in order (a top-N, as PostgreSQL does); the totals count them all.
      const first = firstSorted(rows, query.sort, query.dir ?? 'asc', position.page * size);
      return { rows: first.slice((position.page - 1) * size), ...position, summary: summarizeCompletions(rows) };
    },
  };
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
  asked: CompletionQuery,
  clock: Clock,
): AsyncGenerator<ListedCompletion> {
  const { scope, query } = await assignmentScope(store, asked, clock);
  if (!query) return;
  const period = completionPeriod(query);
  const enrollments = query.status === 'not_started' ? [] : await enrollmentsIn(store, query);
  const certificatesOf = certificatesReader(store);
  const pause = pauseEvery(2_000);
  const reach = query.scope && new Set(query.scope);
  for await (const enrollment of enrollments) {
    if (pause()) await nextTurn();
    if (query.course && enrollment.course !== query.course) continue;
    const user = await findAccount(store, enrollment.userId);
    // Accounts are deactivated, never deleted; a row without its account has nobody to report on.
    if (!user || !concerns(scope, user)) continue;
    if (query.structure !== undefined && user.structure !== query.structure) continue;
    if (reach && !reach.has(user.structure)) continue;
    if (period && !completedWithin(period, enrollment.completedAt)) continue;
    if ((query.status === 'in_progress' || query.status === 'late') && enrollment.completedAt) continue;
    if ((query.status === 'completed' || query.status === 'revoked') && !enrollment.completedAt) continue;
    const certificate = latestCertificate(await certificatesOf(user.id), enrollment.course);
    const due = dueOf(scope, user, enrollment.course);
    const row = enrolledRow(catalog.bySlug.get(enrollment.course), user, enrollment, certificate, due);
    if (query.status && row.status !== query.status) continue;
    yield row;
  }
  if (!wantsNotStarted(query)) return;
  yield* notStartedRows(store, catalog, query, scope, reach, pause);
}

async function* notStartedRows(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
  scope: AssignmentScope,
  reach: ReadonlySet<string> | undefined,
  pause: () => boolean,
): AsyncGenerator<ListedCompletion> {
  for (const course of notStartedCourses(catalog, query, scope)) {
    for await (const user of await accountsIn(store, query.structure)) {
      if (pause()) await nextTurn();
      if (!user.active || (reach && !reach.has(user.structure)) || !concerns(scope, user)) continue;
      if (await hasStarted(store, user.id, course.slug)) continue;
      // Trainers, HR and admins are counted only once they have followed a course themselves.
      if (user.role !== 'learner' && !(await hasStartedAnyCourse(store, user.id))) continue;
      const row = notStartedRow(course, user, dueOf(scope, user, course.slug));
      if (query.status && row.status !== query.status) continue;
      yield row;
    }
  }
}

/**
 * In-memory lookups resolve at once: without a pause, 30,000 rows would hold every other request back.
 * Says when to pause, rather than being awaited at every row: an await costs as much as the row's own work.
 */
function pauseEvery(rows: number): () => boolean {
  let seen = 0;
  return () => {
    seen += 1;
    return seen % rows === 0;
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
