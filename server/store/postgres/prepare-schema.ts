import type { Sql, TransactionSql } from 'postgres';
import { StoreVersionError } from '../errors.ts';
import { type Migrations, runMigrations } from '../migrations.ts';
import type { Collections } from '../store.ts';
import { createFrenchCollation } from './french-collation.ts';
import { addReportColumns, existingColumns } from './report-columns.ts';
import { fieldExpression, indexName, tableName } from './sql-names.ts';

/** Any 64-bit number the instances agree on: the advisory lock that serialises start-up schema work. */
const migrationLock = 0x7061737365726c;

/**
 * Creates the tables and indexes of every collection and brings the data to `schemaVersion`, under an
 * advisory lock held for the transaction: instances starting together take turns, and the second one
 * finds the work done. Migrations are the same functions as for the journal store, run on the rows.
 */
export async function prepareSchema(
  sql: Sql,
  collections: Collections,
  schemaVersion: number,
  migrations: Migrations = {},
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${migrationLock})`;
    await tx`create table if not exists passerelle_meta (key text primary key, value jsonb not null)`;
    await createFrenchCollation(tx);
    const columns = await existingColumns(tx);
    for (const [coll, def] of Object.entries(collections)) {
      await tx.unsafe(`create table if not exists ${tableName(coll)} (id text primary key, data jsonb not null)`);
      for (const field of def.indexes ?? [])
        await tx.unsafe(
          `create index if not exists ${indexName(coll, field)} on ${tableName(coll)} (${fieldExpression(field)})`,
        );
      if (def.columns) await addReportColumns(tx, coll, def.columns, columns);
    }
    const [meta] = await tx`select value from passerelle_meta where key = 'schemaVersion'`;
    const found = meta ? Number(meta.value) : undefined;
    if (found === undefined) {
      await tx`insert into passerelle_meta (key, value) values ('schemaVersion', ${schemaVersion}::text::jsonb)`;
      return;
    }
    if (found > schemaVersion) throw new StoreVersionError('PostgreSQL', found, schemaVersion);
    if (found === schemaVersion) return;
    await migrateRows(tx, collections, found, schemaVersion, migrations);
    await tx`update passerelle_meta set value = ${schemaVersion}::text::jsonb where key = 'schemaVersion'`;
  });
}

async function migrateRows(
  tx: TransactionSql,
  collections: Collections,
  from: number,
  to: number,
  migrations: Migrations,
): Promise<void> {
  const before: Record<string, unknown[]> = {};
  for (const coll of Object.keys(collections))
    before[coll] = (await tx.unsafe(`select data from ${tableName(coll)}`)).map((row) => row.data);
  const data = runMigrations('PostgreSQL', before, from, to, migrations);
  for (const [coll, def] of Object.entries(collections)) {
    // A collection the migrations handed back untouched (the same array) is not rewritten: a million
    // progress rows stay where they are when only the enrollments change.
    if (data[coll] === before[coll]) continue;
    const rows = (data[coll] ?? []).map((row) => def.schema.parse(row));
    await tx.unsafe(`delete from ${tableName(coll)}`);
    // In slices: one jsonb parameter may not exceed 256 MB.
    for (let start = 0; start < rows.length; start += insertSlice)
      await tx.unsafe(
        `insert into ${tableName(coll)} (id, data) select r->>'id', r from jsonb_array_elements($1::text::jsonb) as r`,
        [JSON.stringify(rows.slice(start, start + insertSlice))],
      );
  }
}

const insertSlice = 5_000;
