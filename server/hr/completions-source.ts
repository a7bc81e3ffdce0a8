import type { Catalog } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import { pagePosition } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { StructureTree } from '../structures/tree.ts';
import type { CompletionFilters, CompletionSort } from './completion-filters.ts';
import { countedOf, matchSortKeys, rowOf } from './completion-match.ts';
import { keptPage } from './kept-page.ts';
import { KeptTotals } from './kept-totals.ts';
import type { ListedCompletion } from './listed-completion.ts';
import { matchingCompletions } from './matching-completions.ts';
import { NamesInOrder } from './names-in-order.ts';
import { FirstRows, sortCompletions } from './sort-completions.ts';
import { type CompletionSummary, CompletionTally } from './summarize-completions.ts';

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
  const watch = store.watch?.bind(store);
  const kept = watch && { totals: new KeptTotals(store, watch), names: new NamesInOrder(store, watch) };
  return {
    list,
    page: async (query, page, size) => {
      const fromKept = kept && (await keptPage(store, getCatalog(), query, clock, kept, page, size));
      if (fromKept) return fromKept;
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
