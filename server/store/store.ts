// The storage interface the domains program against. It is shaped by what they need (rows by id,
// lookups by an indexed field, atomic multi-row transactions), not by lowdb, and it is fully async.
// Two implementations: the journal-backed one in `journal/` (the default) and the PostgreSQL one in
// `postgres/`; both pass the contract suite in tests/store/contract.ts.
//
// Rows handed out are deep-frozen (the journal store shares them without copying): mutating one
// throws in strict mode. To change a row, spread it into a new object and `tx.put` it.
import type { z } from 'zod';

/** A collection: the zod schema of its rows and the scalar fields to index (non-unique). */
export interface CollectionDef<T extends { id: string } = { id: string }, I extends string = string> {
  schema: z.ZodType<T>;
  indexes?: readonly I[];
  /** Typed copies of fields for set-based reports; the PostgreSQL store keeps them, the journal store has no use for them. */
  columns?: ReportColumns;
}

/** The SQL type of a top-level scalar field copied out of the row (`text`, `integer`, `float8`, `boolean`). */
export type ColumnType = 'text' | 'integer' | 'float8' | 'boolean';

/**
 * Columns PostgreSQL generates from each row's document (`generated always as (data->>'field') stored`):
 * a report over 150,000 rows reads them as plain columns instead of decoding every document, and joins on
 * them. `indexed` lists those to index, `french` the text columns indexed in French order (a page read in
 * name order stops after its rows). Nothing writes them: the database derives them at each write.
 */
export interface ReportColumns {
  types: Readonly<Record<string, ColumnType>>;
  indexed?: readonly string[];
  french?: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: a record of heterogeneous collection definitions
export type Collections = Record<string, CollectionDef<any, string>>;

/** The (frozen) row type of collection K. */
export type Row<C extends Collections, K extends keyof C> =
  C[K] extends CollectionDef<infer T, string> ? Readonly<T> : never;

/** The fields of collection K declared in `indexes`. */
export type IndexedField<C extends Collections, K extends keyof C> =
  C[K] extends CollectionDef<infer T, infer I> ? I & keyof T & string : never;

/** Indexed values are scalars, compared with `===`. */
export type IndexValue = string | number | boolean | null;

/** Declares a collection with its row type and index names inferred (`indexes` need no `as const`). */
export function defineCollection<T extends { id: string }, const I extends keyof T & string = never>(
  schema: z.ZodType<T>,
  indexes: readonly I[] = [],
  columns?: ReportColumns & { types: Partial<Record<keyof T & string, ColumnType>> },
): CollectionDef<T, I> {
  return columns ? { schema, indexes, columns } : { schema, indexes };
}

/** Reads see the store's current state including this transaction's own writes. */
export interface Tx<C extends Collections> {
  get<K extends keyof C & string>(coll: K, id: string): Promise<Row<C, K> | undefined>;
  findBy<K extends keyof C & string>(coll: K, field: IndexedField<C, K>, value: IndexValue): Promise<Row<C, K>[]>;
  /** Validates with the collection's schema: throws ValidationError (nothing recorded) when invalid. */
  put<K extends keyof C & string>(coll: K, row: Row<C, K>): Row<C, K>;
  /** Deleting a missing id is a no-op. */
  delete<K extends keyof C & string>(coll: K, id: string): void;
}

/** A row as it changed in memory: `previous` undefined for an insert, `row` undefined for a delete. */
export interface RowChange {
  coll: string;
  previous: Readonly<Record<string, unknown>> | undefined;
  row: Readonly<Record<string, unknown>> | undefined;
}

export interface Store<C extends Collections> {
  /**
   * Only a store whose rows live in this process (the journal store) has it: `listener` is called,
   * synchronously, for each row a transaction changes (and again if a failed write is undone), so that a
   * reader can keep figures derived from the rows up to date. It must be quick and must not throw.
   * Returns the function that stops the calls.
   */
  watch?(listener: (change: RowChange) => void): () => void;
  get<K extends keyof C & string>(coll: K, id: string): Promise<Row<C, K> | undefined>;
  /** Uses the index on `field`; rows come back in no particular order. */
  findBy<K extends keyof C & string>(coll: K, field: IndexedField<C, K>, value: IndexValue): Promise<Row<C, K>[]>;
  /** Iterates the rows present when the iteration starts (or earlier): writes made meanwhile are not seen. */
  all<K extends keyof C & string>(coll: K): AsyncIterable<Row<C, K>>;
  count<K extends keyof C & string>(coll: K): Promise<number>;
  /**
   * Runs `fn` as if alone (serialisable), applies its writes atomically and resolves once they are
   * durable. A transaction that writes nothing resolves once the writes it may have read are durable.
   * Rejects with `fn`'s error, ValidationError, or StoreUnavailableError; nothing is applied then.
   * Never call `transact` inside `fn` (it would wait for itself): use `tx`.
   */
  transact<R>(fn: (tx: Tx<C>) => R | Promise<R>): Promise<R>;
  /** Waits for pending writes, then lets go of the data (lock, connections). Further calls reject. */
  close(): Promise<void>;
}
