import type { TransactionSql } from 'postgres';
import { deepFreeze } from '../deep-freeze.ts';
import { ValidationError } from '../errors.ts';
import { checkCollection, transactionEndedError } from '../misuse-errors.ts';
import type { Collections, IndexValue, Tx } from '../store.ts';
import { byField, preparedOnce, tableName } from './sql-names.ts';

type AnyRow = { id: string } & Record<string, unknown>;

/**
 * A transaction on PostgreSQL: reads go to the database inside the serialisable transaction, writes
 * are kept here (so `put` can answer at once, as the interface wants) and sent at commit by `flush`.
 * Reads see this transaction's own writes first.
 */
export class PostgresTx implements Tx<Collections> {
  /** collection → id → row, or null for a deletion. */
  readonly #writes = new Map<string, Map<string, Readonly<AnyRow> | null>>();
  #ended = false;

  constructor(
    private readonly sql: TransactionSql,
    private readonly collections: Collections,
  ) {}

  async get(coll: string, id: string): Promise<never> {
    this.#check(coll);
    const own = this.#writes.get(coll)?.get(id);
    if (own !== undefined) return (own ?? undefined) as never;
    const rows = await this.sql.unsafe(`select data from ${tableName(coll)} where id = $1`, [id], preparedOnce);
    return (rows[0] ? deepFreeze(rows[0].data) : undefined) as never;
  }

  async findBy(coll: string, field: string, value: IndexValue): Promise<never> {
    this.#check(coll, field);
    const rows = await this.sql.unsafe(...byField(coll, field, value), preparedOnce);
    const own = this.#writes.get(coll);
    const found = new Map<string, Readonly<AnyRow>>();
    for (const { data } of rows) if (!own?.has(data.id)) found.set(data.id, deepFreeze(data));
    for (const [id, row] of own ?? []) if (row && row[field] === value) found.set(id, row);
    return [...found.values()] as never;
  }

  put(coll: string, row: never): never {
    this.#check(coll);
    const parsed = this.collections[coll]!.schema.safeParse(row);
    if (!parsed.success) throw new ValidationError(coll, parsed.error.issues);
    const frozen = deepFreeze(structuredClone(parsed.data)) as Readonly<AnyRow>;
    this.#own(coll).set(frozen.id, frozen);
    return frozen as never;
  }

  delete(coll: string, id: string): void {
    this.#check(coll);
    this.#own(coll).set(id, null);
  }

  /** Later calls (e.g. from a callback that outlived the function) throw instead of being silently lost. */
  end(): void {
    this.#ended = true;
  }

  /** Sends the writes, one statement per collection and kind, inside the transaction. */
  async flush(): Promise<void> {
    for (const [coll, rows] of this.#writes) {
      const table = tableName(coll);
      const deleted = [...rows].filter(([, row]) => row === null).map(([id]) => id);
      const kept = [...rows.values()].filter((row): row is Readonly<AnyRow> => row !== null);
      if (deleted.length)
        await this.sql.unsafe(`delete from ${table} where id = any($1::text[])`, [deleted], preparedOnce);
      if (kept.length)
        await this.sql.unsafe(
          `insert into ${table} (id, data) select r->>'id', r from jsonb_array_elements($1::text::jsonb) as r
           on conflict (id) do update set data = excluded.data`,
          [JSON.stringify(kept)],
          preparedOnce,
        );
    }
  }

  #check(coll: string, field?: string): void {
    if (this.#ended) throw transactionEndedError();
    checkCollection(this.collections, coll, field);
  }

  #own(coll: string): Map<string, Readonly<AnyRow> | null> {
    let own = this.#writes.get(coll);
    if (!own) {
      own = new Map();
      this.#writes.set(coll, own);
    }
    return own;
  }
}
