// Kept apart from the store itself so that code reading the pool (accounts, HR) does not load the
// PostgreSQL driver when the embedded store is used: a start without DATABASE_URL never imports it
// (decision 025).
import type { Sql } from 'postgres';

const connections = new WeakMap<object, Sql>();

/** Records the pool behind a PostgreSQL store (open-postgres-store.ts). */
export function rememberPostgresSql(store: object, sql: Sql): void {
  connections.set(store, sql);
}

/**
 * The connection pool behind a PostgreSQL store, for a domain's `queries` that let the database join,
 * filter and sort (HR reports at 50,000 staff); undefined for any other store. Reads only: every write
 * goes through `transact`.
 */
export function postgresSqlOf(store: object): Sql | undefined {
  return connections.get(store);
}
