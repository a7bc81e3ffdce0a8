import type { CompletionSort } from './completion-filters.ts';
import { type CompletionRow, CompletionStatus } from './completion-row.ts';

const statusOrder = new Map(CompletionStatus.options.map((status, index) => [status, index]));

// The same order as PostgreSQL's ICU collation `fr-u-kn-true` (french-collation.ts): every accent and case
// counts, digits compare as numbers, and two strings ICU finds equal are ordered by their code points.
const collator = new Intl.Collator('fr', { numeric: true });
const byCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const french = (a: string, b: string) => collator.compare(a, b) || byCodePoints(a, b);

// One Intl comparison costs ~1 µs, and a network's dashboard sorts the same 50,000 names at every
// request: the French order of every value met is kept (the order of two strings never changes), so a
// request compares only the values it is the first to meet, and rows then sort on numbers.
let order: string[] = [];
const rankOf = new Map<string, number>();
/** Beyond this many values kept, the order starts again from the values of the request. */
const keptValues = 400_000;

/** The place of each value in French order (`french`), among all the values kept: `values` are added to them. */
export function ranks(values: readonly string[]): ReadonlyMap<string, number> {
  const fresh = new Set<string>();
  for (const value of values) if (!rankOf.has(value)) fresh.add(value);
  if (fresh.size === 0) return rankOf;
  if (order.length + fresh.size > keptValues) {
    order = [];
    rankOf.clear();
    for (const value of values) fresh.add(value);
  }
  const added = [...fresh].sort(french);
  if (added.length * 16 < order.length) {
    // A few new values: each placed by binary search, about 16 comparisons.
    for (const value of added) {
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (french(order[middle]!, value) < 0) low = middle + 1;
        else high = middle;
      }
      order.splice(low, 0, value);
    }
  } else {
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < order.length && j < added.length)
      merged.push(french(order[i]!, added[j]!) <= 0 ? order[i++]! : added[j++]!);
    order = merged.concat(order.slice(i), added.slice(j));
  }
  for (let index = 0; index < order.length; index += 1) rankOf.set(order[index]!, index);
  return rankOf;
}

type Sortable = CompletionRow & { courseSlug: string };

/**
 * What the order reads of a row: a built row's fields, or the same values from a record the row is not
 * built from yet (the dashboard orders a network's records and builds the rows of one page only).
 */
export interface SortKeys<R> {
  name(row: R): string;
  /** Course title. */
  course(row: R): string;
  structure(row: R): string;
  status(row: R): CompletionStatus;
  /** Milliseconds, NaN when not completed. */
  completedAt(row: R): number;
  email(row: R): string;
  courseSlug(row: R): string;
}

const rowKeys: SortKeys<Sortable> = {
  name: (row) => row.name,
  course: (row) => row.course,
  structure: (row) => row.structure,
  status: (row) => row.status,
  completedAt: (row) => row.completedAt?.getTime() ?? Number.NaN,
  email: (row) => row.email,
  courseSlug: (row) => row.courseSlug,
};

/**
 * Sorts in place and returns `rows`. Ties go by name, course, e-mail then course slug (one row per e-mail and
 * course), so the order is total: pages never shuffle between requests and both stores give the same one.
 */
export function sortCompletions<R extends Sortable>(rows: R[], sort: CompletionSort, dir: 'asc' | 'desc'): R[] {
  return sortBy<R>(rows, sort, dir, rowKeys);
}

function sortBy<R>(rows: R[], sort: CompletionSort, dir: 'asc' | 'desc', keys: SortKeys<R>): R[] {
  const { keyOf, compare } = ordering(rows, sort, dir, keys);
  const keyed = rows.map(keyOf);
  keyed.sort(compare);
  for (let index = 0; index < keyed.length; index += 1) rows[index] = keyed[index]!.row;
  return rows;
}

/**
 * The first `count` rows in `sortCompletions`' order, without sorting the others: a dashboard's first
 * page of a network's 150,000 rows compares each row once with the 50th kept, instead of sorting them all.
 * `keys` reads the order's values from rows of another shape.
 */
export function firstSorted<R extends Sortable>(
  rows: R[],
  sort: CompletionSort,
  dir: 'asc' | 'desc',
  count: number,
): R[];
export function firstSorted<R>(
  rows: R[],
  sort: CompletionSort,
  dir: 'asc' | 'desc',
  count: number,
  keys: SortKeys<R>,
): R[];
export function firstSorted<R>(
  rows: R[],
  sort: CompletionSort,
  dir: 'asc' | 'desc',
  count: number,
  keys = rowKeys as unknown as SortKeys<R>,
): R[] {
  if (count * 8 >= rows.length) return sortBy(rows, sort, dir, keys).slice(0, count);
  const { primary, after, keyOf, compare } = ordering(rows, sort, dir, keys);
  const kept: Keyed<R>[] = [];
  for (const row of rows) {
    // Most rows come after the last one kept on the sort's own value: they are set aside on it alone.
    if (kept.length === count && after(primary(row), kept[count - 1]!.key)) continue;
    // Keyed one at a time: only the kept ones outlive the loop (a network's records, not twice as many objects).
    const item = keyOf(row);
    if (kept.length === count && compare(item, kept[count - 1]!) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept.map((item) => item.row);
}

/**
 * The first `count` rows of a stream, in `firstSorted`'s order, keeping only the rows that may still be
 * among them: every `every` rows (by default several thousand, and never before 8 × `count`, so that a far
 * page is chosen once) the kept rows and the new ones are cut back to `count`. A network's 150,000 records
 * are not all kept until the end (kept, they outlived two young collections each and were copied twice).
 * The cut is exact: ranks only grow in French order, so two values compare alike at every cut.
 */
export class FirstRows<R> {
  #kept: R[] = [];
  #pending: R[] = [];
  #cutAt: number;

  constructor(
    readonly sort: CompletionSort,
    readonly dir: 'asc' | 'desc',
    readonly count: number,
    readonly keys: SortKeys<R>,
    readonly every = Math.max(4_000, 8 * count),
  ) {
    this.#cutAt = every;
  }

  add(row: R): void {
    this.#pending.push(row);
    if (this.#pending.length < this.#cutAt) return;
    // Ranking new names renumbers every name known: while many are new (the first request after a start),
    // cutting would do it at every cut; they are then ranked once, at the end.
    if (this.#unranked() * 8 > this.#pending.length) this.#cutAt = this.#pending.length + this.every;
    else this.#cut();
  }

  /** The first `count` rows of all those added (fewer when fewer were added). */
  rows(): R[] {
    this.#cut();
    return this.#kept;
  }

  #unranked(): number {
    let unranked = 0;
    for (const row of this.#pending) if (!rankOf.has(this.keys.name(row))) unranked += 1;
    return unranked;
  }

  #cut(): void {
    if (this.#pending.length === 0) return;
    this.#kept = firstSorted(this.#kept.concat(this.#pending), this.sort, this.dir, this.count, this.keys);
    this.#pending = [];
    this.#cutAt = this.every;
  }
}

interface Keyed<R> {
  row: R;
  key: number;
  name: number;
  course: number;
}

function ordering<R>(rows: readonly R[], sort: CompletionSort, dir: 'asc' | 'desc', keys: SortKeys<R>) {
  const names = ranks(rows.map(keys.name));
  const courses = ranks(rows.map(keys.course));
  const structures = sort === 'structure' ? ranks(rows.map(keys.structure)) : undefined;
  const primary = (row: R): number => {
    switch (sort) {
      case 'name':
        return names.get(keys.name(row))!;
      case 'structure':
        return structures!.get(keys.structure(row))!;
      case 'course':
        return courses.get(keys.course(row))!;
      case 'status':
        return statusOrder.get(keys.status(row))!;
      case 'completedAt':
        return keys.completedAt(row);
    }
  };
  const sign = dir === 'desc' ? -1 : 1;
  const keyOf = (row: R): Keyed<R> => {
    const key = primary(row);
    return {
      row,
      key,
      name: sort === 'name' ? key : names.get(keys.name(row))!,
      course: sort === 'course' ? key : courses.get(keys.course(row))!,
    };
  };
  /** The order of two rows on the sort's own value alone; 0 when it ties them. */
  const byKey = (a: number, b: number): number => {
    // Rows without a completion date go last whichever the direction.
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    return sign * (a - b);
  };
  const after = (key: number, than: number) => byKey(key, than) > 0;
  const compare = (a: Keyed<R>, b: Keyed<R>): number => {
    const order = byKey(a.key, b.key);
    if (order !== 0) return order;
    return (
      a.name - b.name ||
      a.course - b.course ||
      byCodePoints(keys.email(a.row), keys.email(b.row)) ||
      byCodePoints(keys.courseSlug(a.row), keys.courseSlug(b.row))
    );
  };
  return { primary, after, keyOf, compare };
}
