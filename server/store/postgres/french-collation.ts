import type { Sql, TransactionSql } from 'postgres';

/** Our own ICU collation: French order with numbers compared as numbers (« Structure 3 » before « 12 »). */
const ours = 'passerelle_fr';
/** Tried in this order when ours could not be created (a server built without ICU). */
const fallbacks = ['fr-x-icu', 'fr_FR.utf8', 'fr_FR.UTF-8', 'fr_FR'];

/**
 * Creates the French collation the HR queries sort with, at start-up under the schema lock. Intl.Collator
 * in Node and ICU in PostgreSQL agree on this order, so both stores sort alike. Without ICU the statement
 * fails; that is not an error, the queries fall back (`frenchCollation`).
 */
export async function createFrenchCollation(tx: TransactionSql): Promise<void> {
  const [icu] = await tx`select 1 from pg_collation where collprovider = 'i' limit 1`;
  if (!icu) return;
  await tx.unsafe(`create collation if not exists ${ours} (provider = icu, locale = 'fr-u-kn-true')`);
}

/** The quoted name of the best French collation this server has, or `"default"` (the database's own). */
export async function frenchCollation(sql: Sql | TransactionSql): Promise<string> {
  const names = [ours, ...fallbacks];
  const found = await sql<{ collname: string }[]>`select collname from pg_collation where collname = any(${names})`;
  const best = names.find((name) => found.some((row) => row.collname === name));
  return `"${best ?? 'default'}"`;
}
