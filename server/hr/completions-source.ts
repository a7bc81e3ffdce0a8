import type { Catalog } from '../catalog/course.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { pagePosition } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { StructureTree } from '../structures/tree.ts';
import { type AssignmentScope, assignmentScope, concerns, dueOf } from './assignment-scope.ts';
import type { CompletionFilters, CompletionSort } from './completion-filters.ts';
import {
  type CompletionMatch,
  countedOf,
  enrolledMatch,
  matchSortKeys,
  notStartedMatch,
  rowOf,
} from './completion-match.ts';
import { type CompletionPeriod, completedWithin, completionPeriod } from './completion-period.ts';
import { latestCertificate } from './latest-certificate.ts';
import type { ListedCompletion } from './listed-completion.ts';
import { accountsIn, enrollmentsByPerson, hasStarted, hasStartedAnyCourse } from './queries.ts';
import { FirstRows, sortCompletions } from './sort-completions.ts';
import { type CompletionSummary, CompletionTally } from './summarize-completions.ts';
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
  const list = (query: CompletionQuery) => inRequestedOrder(matchingRows(store, getCatalog(), query, clock), query);
  return {
    list,
    page: async (query, page, size) => {
      // Counted and ordered on records of references; only the rows of the page shown are built. The rows
      // up to the page asked are kept as the records come (a top-N, as PostgreSQL does); a page past the
      // end shows the last one, whose rows are among them.
      const tally = new CompletionTally();
      const first = new FirstRows(query.sort, query.dir ?? 'asc', page * size, matchSortKeys);
      let total = 0;
      const { today, batches } = await matchingCompletions(store, getCatalog(), query, clock);
      for await (const batch of batches) {
        total += batch.length;
        for (const match of batch) {
          tally.add(countedOf(match));
          first.add(match);
        }
      }
      const position = pagePosition(total, page, size);
      const shown = first.rows().slice((position.page - 1) * size, position.page * size);
      return { rows: shown.map((match) => rowOf(match, today)), ...position, summary: tally.summary() };
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

/** The matching rows, built one batch at a time as the export pulls them. */
async function* matchingRows(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
  clock: Clock,
): AsyncGenerator<ListedCompletion> {
  const { today, batches } = await matchingCompletions(store, catalog, query, clock);
  for await (const batch of batches) for (const match of batch) yield rowOf(match, today);
}

/**
 * The records of the rows matching the query, in batches: in-memory lookups resolve at once, and an await
 * (or a generator's step) per row cost as much as the row's own work; a batch is handed over every few
 * hundred rows, and the loop pauses every few thousand so that other requests are not held back.
 */
async function matchingCompletions(
  store: AppStore,
  catalog: Catalog,
  asked: CompletionQuery,
  clock: Clock,
): Promise<{ today: string; batches: AsyncGenerator<CompletionMatch[]> }> {
  const { scope, query } = await assignmentScope(store, asked, clock);
  return { today: scope.today, batches: query ? batchesOf(store, catalog, query, scope) : noBatches() };
}

async function* noBatches(): AsyncGenerator<CompletionMatch[]> {}

async function* batchesOf(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
  scope: AssignmentScope,
): AsyncGenerator<CompletionMatch[]> {
  const reach = query.scope && new Set(query.scope);
  const batches = new Batches();
  const period = completionPeriod(query);
  if (query.status !== 'not_started') {
    for await (const group of enrollmentsByPerson(store, query))
      for (const { user, enrollments, certificates } of group) {
        if (batches.due()) yield* batches.handOver();
        if (!concerns(scope, user)) continue;
        if (query.structure !== undefined && user.structure !== query.structure) continue;
        if (reach && !reach.has(user.structure)) continue;
        for (const enrollment of enrollments) {
          if (!isListed(enrollment, query, period)) continue;
          const course = catalog.bySlug.get(enrollment.course);
          const certificate = latestCertificate(certificates, enrollment.course);
          const match = enrolledMatch(user, enrollment, course, certificate, dueOf(scope, user, enrollment.course));
          if (!query.status || match.status === query.status) batches.add(match);
        }
      }
  }
  if (wantsNotStarted(query)) yield* notStartedBatches(store, catalog, query, scope, reach, batches);
  yield* batches.handOver();
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
      if (!user.active || (reach && !reach.has(user.structure)) || !concerns(scope, user)) continue;
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
