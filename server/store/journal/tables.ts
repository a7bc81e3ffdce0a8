// In-memory state: one Map per collection (id → frozen row) and, per indexed field, a Map from value
// to the ids having it. Mutations return the previous row so a transaction can be undone.
import { notIndexedError, unknownCollectionError } from '../misuse-errors.ts';
import type { IndexValue, RowChange } from '../store.ts';

export type StoredRow = { readonly id: string } & Readonly<Record<string, unknown>>;

/**
 * Value → the rows having it. The rows themselves rather than their ids: a network's HR dashboard makes
 * 100,000 look-ups per page, and going from an id back to its row was a second hash look-up (a cache miss
 * on this much data) for every row found. Most values of an index belong to one row (an account's e-mail,
 * an attempt's id): that row is kept alone. A few rows share most others (a learner's ten progress rows):
 * an array, ~130 bytes for ten where a Map takes ~500. Past `maxArrayRows`, a Map by id, so that replacing
 * or removing a row among thousands sharing a value (a course) stays cheap and keeps the rows' order.
 */
type Entry = StoredRow | StoredRow[] | Map<string, StoredRow>;
type Index = Map<unknown, Entry>;

const maxArrayRows = 16;

export class Tables {
  readonly #rows = new Map<string, Map<string, StoredRow>>();
  readonly #indexes = new Map<string, Map<string, Index>>();
  #watchers: ((change: RowChange) => void)[] = [];

  constructor(defs: Record<string, { indexes?: readonly string[] }>) {
    for (const [name, def] of Object.entries(defs)) {
      this.#rows.set(name, new Map());
      this.#indexes.set(name, new Map((def.indexes ?? []).map((field) => [field, new Map()])));
    }
  }

  has(coll: string): boolean {
    return this.#rows.has(coll);
  }

  get(coll: string, id: string): StoredRow | undefined {
    return this.#table(coll).get(id);
  }

  findBy(coll: string, field: string, value: IndexValue): StoredRow[] {
    const entry = this.#index(coll, field).get(value);
    if (entry === undefined) return [];
    if (Array.isArray(entry)) return entry.slice();
    if (entry instanceof Map) return Array.from(entry.values());
    return [entry];
  }

  /** Calls `listener` after each set or delete that changes a row; returns the function that stops it. */
  watch(listener: (change: RowChange) => void): () => void {
    this.#watchers = [...this.#watchers, listener];
    return () => {
      this.#watchers = this.#watchers.filter((watcher) => watcher !== listener);
    };
  }

  isIndexed(coll: string, field: string): boolean {
    return this.#indexes.get(coll)?.has(field) ?? false;
  }

  count(coll: string): number {
    return this.#table(coll).size;
  }

  /** References to the current rows (not copies): consistent even if the tables change later. */
  list(coll: string): StoredRow[] {
    return Array.from(this.#table(coll).values());
  }

  capture(): Record<string, StoredRow[]> {
    const result: Record<string, StoredRow[]> = {};
    for (const name of this.#rows.keys()) result[name] = this.list(name);
    return result;
  }

  /** Inserts or replaces; returns the previous row. */
  set(coll: string, row: StoredRow): StoredRow | undefined {
    const table = this.#table(coll);
    const previous = table.get(row.id);
    table.set(row.id, row);
    for (const [field, index] of this.#indexes.get(coll)!) {
      const before = previous?.[field];
      const after = row[field];
      // Same value: the entry still holds the previous row, which `addRow` replaces in its place.
      if (previous && before !== after) unindex(index, before, row.id);
      if (after !== undefined) addRow(index, after, row);
    }
    this.#tell({ coll, previous, row });
    return previous;
  }

  /** Returns the deleted row, undefined when there was none. */
  delete(coll: string, id: string): StoredRow | undefined {
    const table = this.#table(coll);
    const previous = table.get(id);
    if (!previous) return undefined;
    table.delete(id);
    for (const [field, index] of this.#indexes.get(coll)!) unindex(index, previous[field], id);
    this.#tell({ coll, previous, row: undefined });
    return previous;
  }

  /**
   * A watcher's error must not stop a commit half applied (the rows after it, the journal record): it is
   * reported as a process warning, and the next watchers are still told.
   */
  #tell(change: RowChange): void {
    for (const watcher of this.#watchers) {
      try {
        watcher(change);
      } catch (error) {
        process.emitWarning(error instanceof Error ? error : String(error), 'StoreWatcherWarning');
      }
    }
  }

  #table(coll: string): Map<string, StoredRow> {
    const table = this.#rows.get(coll);
    if (!table) throw unknownCollectionError(coll);
    return table;
  }

  #index(coll: string, field: string): Index {
    const index = this.#indexes.get(coll)?.get(field);
    if (!index) throw notIndexedError(coll, field);
    return index;
  }
}

/** Adds `row` to the rows of `value`, or puts it in the place of the row with its id. */
function addRow(index: Index, value: unknown, row: StoredRow): void {
  const entry = index.get(value);
  if (entry === undefined) index.set(value, row);
  else if (entry instanceof Map) entry.set(row.id, row);
  else if (!Array.isArray(entry)) index.set(value, entry.id === row.id ? row : [entry, row]);
  else {
    const at = entry.findIndex((kept) => kept.id === row.id);
    if (at !== -1) entry[at] = row;
    else if (entry.length < maxArrayRows) entry.push(row);
    else index.set(value, new Map([...entry, row].map((kept) => [kept.id, kept])));
  }
}

function unindex(index: Index, value: unknown, id: string): void {
  if (value === undefined) return;
  const entry = index.get(value);
  if (entry === undefined) return;
  if (entry instanceof Map) {
    entry.delete(id);
    if (entry.size === 0) index.delete(value);
  } else if (Array.isArray(entry)) {
    const at = entry.findIndex((kept) => kept.id === id);
    if (at !== -1) entry.splice(at, 1);
    if (entry.length === 1) index.set(value, entry[0]!);
    else if (entry.length === 0) index.delete(value);
  } else if (entry.id === id) index.delete(value);
}
