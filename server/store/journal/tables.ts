// In-memory state: one Map per collection (id → frozen row) and, per indexed field, a Map from value
// to the ids having it. Mutations return the previous row so a transaction can be undone.
import { notIndexedError, unknownCollectionError } from '../misuse-errors.ts';
import type { IndexValue } from '../store.ts';

export type StoredRow = { readonly id: string } & Readonly<Record<string, unknown>>;

/**
 * Value → the ids having it. Most values of an index belong to one row (an account's e-mail, an attempt's
 * id): that id is kept alone. A few rows share most others (a learner's ten progress rows): an array,
 * ~130 bytes for ten ids where a Set takes ~380 (2.5 MB at 100k progress rows). Past `maxArrayIds`, a
 * Set, so that removing an id from a value thousands of rows share (a course) stays cheap.
 */
type Index = Map<unknown, string | string[] | Set<string>>;

const maxArrayIds = 16;

export class Tables {
  readonly #rows = new Map<string, Map<string, StoredRow>>();
  readonly #indexes = new Map<string, Map<string, Index>>();

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
    const ids = this.#index(coll, field).get(value);
    if (!ids) return [];
    const table = this.#table(coll);
    if (typeof ids === 'string') return [table.get(ids)!];
    // A loop rather than Array.from(ids, mapper): a network's HR dashboard makes 100,000 of these calls.
    const rows: StoredRow[] = [];
    for (const id of ids) rows.push(table.get(id)!);
    return rows;
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
      if (previous && before === after) continue;
      if (previous) unindex(index, before, row.id);
      if (after !== undefined) addId(index, after, row.id);
    }
    return previous;
  }

  /** Returns the deleted row, undefined when there was none. */
  delete(coll: string, id: string): StoredRow | undefined {
    const table = this.#table(coll);
    const previous = table.get(id);
    if (!previous) return undefined;
    table.delete(id);
    for (const [field, index] of this.#indexes.get(coll)!) unindex(index, previous[field], id);
    return previous;
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

function addId(index: Index, value: unknown, id: string): void {
  const ids = index.get(value);
  if (ids === undefined) index.set(value, id);
  else if (typeof ids === 'string') {
    if (ids !== id) index.set(value, [ids, id]);
  } else if (!Array.isArray(ids)) ids.add(id);
  else if (!ids.includes(id)) {
    if (ids.length < maxArrayIds) ids.push(id);
    else index.set(value, new Set([...ids, id]));
  }
}

function unindex(index: Index, value: unknown, id: string): void {
  if (value === undefined) return;
  const ids = index.get(value);
  if (ids === undefined) return;
  if (typeof ids === 'string') {
    if (ids === id) index.delete(value);
  } else if (Array.isArray(ids)) {
    const at = ids.indexOf(id);
    if (at !== -1) ids.splice(at, 1);
    if (ids.length === 1) index.set(value, ids[0]!);
    else if (ids.length === 0) index.delete(value);
  } else {
    ids.delete(id);
    if (ids.size === 0) index.delete(value);
  }
}
