// The PostgreSQL Store: one table per collection (`id text primary key, data jsonb`), an expression
// index per declared index field, and serialisable transactions retried on conflict, so the invariants
// that the journal store keeps by running transactions one at a time (one account per e-mail, the last
// admin, attempt limits, one certificate per learner and version) hold across instances too.
import postgres, { type Sql } from 'postgres';
import { deepFreeze } from '../deep-freeze.ts';
import { StoreUnavailableError, storeClosedError } from '../errors.ts';
import type { Migrations } from '../migrations.ts';
import { checkCollection } from '../misuse-errors.ts';
import type { Collections, IndexValue, Row, Store, Tx } from '../store.ts';
import { rememberPostgresSql } from './postgres-sql-of.ts';
import { PostgresTx } from './postgres-tx.ts';
import { prepareSchema } from './prepare-schema.ts';
import { byField, preparedOnce, tableName } from './sql-names.ts';

export interface OpenPostgresStoreOptions<C extends Collections> {
  url: string;
  collections: C;
  schemaVersion: number;
  migrations?: Migrations;
  /** Connections per instance (default 10). */
  maxConnections?: number;
  /** Attempts of a transaction that keeps meeting serialisation conflicts (default 20). */
  maxAttempts?: number;
}

/** SQLSTATEs after which running the transaction again is the right answer. */
const retryable = new Set(['40001', '40P01']);

/** Connection-level failures: the database is unreachable for now (HTTP 503), nothing was applied. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|CONNECTION_\w+)$/.test(code) ||
    code.startsWith('08') ||
    // Shut down, starting up, refusing connections, out of connection slots.
    ['57P01', '57P03', '55000', '53300'].includes(code)
  );
}

export async function openPostgresStore<C extends Collections>(
  options: OpenPostgresStoreOptions<C>,
): Promise<Store<C>> {
  const sql = postgres(options.url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // Rows are JSON already; numbers stay numbers.
    types: { bigint: postgres.BigInt },
    // Short queries over jsonb make the planner over-estimate costs and compile them with JIT: measured,
    // 600 ms of compiling for a 6 ms HR query. Passerelle runs no long analytical query that would gain.
    connection: { jit: 'off' },
  });
  try {
    await prepareSchema(sql, options.collections, options.schemaVersion, options.migrations);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw isUnavailable(error) ? new StoreUnavailableError('base PostgreSQL injoignable', { cause: error }) : error;
  }
  const store = new PostgresStore<C>(sql, options.collections, options.maxAttempts ?? 20);
  rememberPostgresSql(store, sql);
  return store;
}

class PostgresStore<C extends Collections> implements Store<C> {
  #closing: Promise<void> | undefined;
  /** Calls under way: close() lets them finish before ending the connections. */
  readonly #pending = new Set<Promise<unknown>>();

  constructor(
    private readonly sql: Sql,
    private readonly collections: C,
    private readonly maxAttempts: number,
  ) {}

  async get<K extends keyof C & string>(coll: K, id: string): Promise<Row<C, K> | undefined> {
    const rows = await this.#run(coll, () =>
      this.sql.unsafe(`select data from ${tableName(coll)} where id = $1`, [id], preparedOnce),
    );
    return rows[0] ? deepFreeze(rows[0].data) : undefined;
  }

  async findBy<K extends keyof C & string>(coll: K, field: string, value: IndexValue): Promise<Row<C, K>[]> {
    const rows = await this.#run(coll, () => this.sql.unsafe(...byField(coll, field, value), preparedOnce), field);
    return rows.map((row) => deepFreeze(row.data));
  }

  async *all<K extends keyof C & string>(coll: K): AsyncIterable<Row<C, K>> {
    this.#check(coll);
    // A cursor, so a million rows never sit in memory at once.
    const cursor = this.sql.unsafe(`select data from ${tableName(coll)} order by id`).cursor(500);
    for await (const batch of cursor) for (const row of batch) yield deepFreeze(row.data);
  }

  async count<K extends keyof C & string>(coll: K): Promise<number> {
    const [row] = await this.#run(coll, () => this.sql.unsafe(`select count(*)::int as n from ${tableName(coll)}`));
    return row?.n ?? 0;
  }

  transact<R>(fn: (tx: Tx<C>) => R | Promise<R>): Promise<R> {
    if (this.#closing) return Promise.reject(storeClosedError());
    return this.#track(this.#transact(fn));
  }

  async #transact<R>(fn: (tx: Tx<C>) => R | Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.sql.begin('isolation level serializable', async (sql) => {
          const tx = new PostgresTx(sql, this.collections);
          let result: R;
          try {
            result = await fn(tx as unknown as Tx<C>);
          } finally {
            tx.end();
          }
          await tx.flush();
          return result;
        })) as R;
      } catch (error) {
        const code = (error as { code?: string })?.code ?? '';
        if (retryable.has(code) && attempt < this.maxAttempts) {
          // Spread the retries of colliding transactions so they do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
          continue;
        }
        if (isUnavailable(error)) throw new StoreUnavailableError('base PostgreSQL injoignable', { cause: error });
        throw error;
      }
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([...this.#pending]);
      await this.sql.end({ timeout: 5 });
    })();
    return this.#closing;
  }

  async #run<T>(coll: string, query: () => Promise<T>, field?: string): Promise<T> {
    this.#check(coll, field);
    try {
      return await this.#track(query());
    } catch (error) {
      if (isUnavailable(error)) throw new StoreUnavailableError('base PostgreSQL injoignable', { cause: error });
      throw error;
    }
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    promise.then(
      () => this.#pending.delete(promise),
      () => this.#pending.delete(promise),
    );
    return promise;
  }

  #check(coll: string, field?: string): void {
    if (this.#closing) throw storeClosedError();
    checkCollection(this.collections, coll, field);
  }
}
