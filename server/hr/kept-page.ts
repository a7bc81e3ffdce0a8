// The dashboard's first pages for a large scope, from what the journal store keeps between requests
// (decision 028): the totals added up from each structure's kept counts (kept-totals.ts), and the rows
// shown from the people walked in name order (names-in-order.ts) until the page is full. Any other query
// (a period, a course, an assignment, « non commencé » or « en retard », another order, a page far down,
// a scope of a few structures) reads its rows as before (completions-source.ts).
import type { Catalog } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import { pagePosition } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import { type AssignmentScope, assignmentScope } from './assignment-scope.ts';
import type { CompletionSort } from './completion-filters.ts';
import { type CompletionMatch, countedOf, matchSortKeys, rowOf } from './completion-match.ts';
import type { CompletionPage, CompletionQuery } from './completions-source.ts';
import { type KeptTotals, LineTally, type StructureCount } from './kept-totals.ts';
import { batchesOf, isInQuery, personMatches } from './matching-completions.ts';
import type { NamesInOrder } from './names-in-order.ts';
import { enrollmentsOfPeople } from './queries.ts';
import { firstSorted } from './sort-completions.ts';
import { CompletionTally } from './summarize-completions.ts';
import { wantsNotStarted } from './wants-not-started.ts';

export interface Kept {
  totals: KeptTotals;
  names: NamesInOrder;
}

/**
 * Walking names until the page is full visits about (rows wanted / share of the network in scope) people:
 * below a quarter of the accounts, reading the scope's own rows is as quick.
 */
const densestScopeShare = 4;
/** Pages further down than this many rows are read as before (the walk would visit most people). */
const walkedRows = 2_000;

/** The page, or undefined when the query is not one this path answers. */
export async function keptPage(
  store: AppStore,
  catalog: Catalog,
  asked: CompletionQuery & { sort: CompletionSort },
  clock: Clock,
  kept: Kept,
  page: number,
  size: number,
): Promise<CompletionPage | undefined> {
  if (!answersFromKept(asked) || page * size > walkedRows) return undefined;
  const people = await kept.totals.people();
  // No scope: everyone, that is every structure code accounts have.
  const codes = asked.scope ?? [...people.keys()];
  let scopePeople = 0;
  for (const code of codes) scopePeople += people.get(code) ?? 0;
  let accounts = 0;
  for (const count of people.values()) accounts += count;
  if (scopePeople * densestScopeShare < accounts) return undefined;

  const { scope, query } = await assignmentScope(store, { ...asked, scope: codes }, clock);
  if (!query) return undefined;
  const counts = await kept.totals.countsOf(codes, { today: scope.today, catalog }, (code) =>
    structureCount(store, catalog, { scope: [code], tree: query.tree }, scope),
  );
  const { tally, total } = totalsOf(codes, counts, query);
  const position = pagePosition(total, page, size);
  const ids = await kept.names.ids();
  const wanted = Math.min(position.page * size, total);
  const first = await firstByName(store, catalog, { ...query, sort: asked.sort }, scope, ids, wanted, total);
  const shown = first.slice((position.page - 1) * size, position.page * size);
  return { rows: shown.map((match) => rowOf(match, scope.today)), ...position, summary: tally.summary() };
}

function answersFromKept(query: CompletionQuery): boolean {
  return (
    query.sort === 'name' &&
    !query.userId &&
    !query.from &&
    !query.to &&
    !query.assignment &&
    !query.course &&
    query.structure === undefined &&
    !wantsNotStarted(query)
  );
}

/** Every row of the people of one structure (not below it), counted per course and status. */
async function structureCount(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
  scope: AssignmentScope,
): Promise<StructureCount> {
  const lines = new LineTally();
  for await (const batch of batchesOf(store, catalog, query, scope))
    for (const match of batch) lines.add(countedOf(match));
  return lines.lines();
}

/** The totals of the scope's structures, of the rows of the status asked for (all when none). */
function totalsOf(codes: readonly string[], counts: StructureCount[], query: CompletionQuery) {
  const tally = new CompletionTally();
  let total = 0;
  for (const [index, lines] of counts.entries()) {
    for (const line of lines) {
      if (query.status && line.status !== query.status) continue;
      const { courseSlug, course, status, measuredMinutes } = line;
      tally.addLine(
        { courseSlug, course, structure: codes[index]!, status, measuredMinutes },
        line.rows,
        line.enrolled,
      );
      total += line.rows;
    }
  }
  return { tally, total };
}

/**
 * The first `count` rows in name order: people are walked in that order, and the walk stops once it has
 * `count` rows and meets a new name (rows of one name are ordered by course, then e-mail, among them), or
 * once it has all `total` rows the query matches (the last page of a rare status).
 */
async function firstByName(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery & { sort: CompletionSort },
  scope: AssignmentScope,
  ids: readonly string[],
  count: number,
  total: number,
): Promise<CompletionMatch[]> {
  const reach = new Set(query.scope);
  const dir = query.dir ?? 'asc';
  const matches: CompletionMatch[] = [];
  const add = (match: CompletionMatch) => matches.push(match);
  let lastName: string | undefined;
  for (let step = 0; step < ids.length && matches.length < total; step += 1) {
    const user = await store.get('users', ids[dir === 'desc' ? ids.length - 1 - step : step]!);
    if (!user || !isInQuery(user, query, scope, reach)) continue;
    if (matches.length >= count && user.name !== lastName) break;
    const before = matches.length;
    const [person] = await enrollmentsOfPeople(store, [user]);
    personMatches(person!, catalog, query, scope, undefined, add);
    if (matches.length > before) lastName = user.name;
  }
  return firstSorted(matches, query.sort, dir, count, matchSortKeys);
}
