// Migrations on PostgreSQL: only the collections a migration changes are rewritten, in slices (one
// statement with every row of a large collection went past PostgreSQL's 256 MB limit for a jsonb value),
// the French collation the HR queries sort with is created at start-up, and the typed columns reports
// read (`ReportColumns`) are added to a database that did not have them and follow every write.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frenchCollation } from '../../server/store/postgres/french-collation.ts';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store.ts';
import { defineCollection } from '../../server/store/store.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';

const Item = z.strictObject({ id: z.string(), n: z.number().int() });
const Total = z.strictObject({ id: z.string(), sum: z.number().int() });
const v1 = { items: defineCollection(Item), totals: defineCollection(z.strictObject({ id: z.string() })) };
const v2 = { items: defineCollection(Item), totals: defineCollection(Total) };
const rows = 12_345;

describe.skipIf(skipWithoutDatabase)('migrations on the PostgreSQL store', () => {
  let db: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('rewrites only the collections a migration changed, in slices, and keeps the others as they are', async () => {
    const first = await openPostgresStore({ url: db.url, collections: v1, schemaVersion: 1 });
    for (let start = 0; start < rows; start += 2_000)
      await first.transact((tx) => {
        for (let i = start; i < Math.min(rows, start + 2_000); i += 1) {
          tx.put('items', { id: `i${i}`, n: i });
          tx.put('totals', { id: `t${i}` });
        }
      });
    await first.close();
    // The physical place of each item row: a rewritten row would move.
    const before = await sql`select id, ctid::text as at from items order by id`;

    const store = await openPostgresStore({
      url: db.url,
      collections: v2,
      schemaVersion: 2,
      migrations: {
        1: (data) => ({
          ...data,
          totals: data.totals.map((t: { id: string }) => ({ ...t, sum: Number(t.id.slice(1)) })),
        }),
      },
    });
    expect(await store.get('totals', 't12344')).toEqual({ id: 't12344', sum: 12344 });
    expect((await sql`select count(*)::int as n from totals`)[0]!.n).toBe(rows);
    expect(await sql`select id, ctid::text as at from items order by id`).toEqual(before);
    await store.close();
  });

  it('sorts HR lists with its own French ICU collation, numbers as numbers', async () => {
    const collation = await frenchCollation(sql);
    expect(collation).toBe('"passerelle_fr"');
    const sorted = await sql.unsafe(
      `select v from unnest(array['Structure 12', 'structure 3', 'Élan', 'Eden', 'Zoé']) as v order by v collate ${collation}`,
    );
    const node = ['Structure 12', 'structure 3', 'Élan', 'Eden', 'Zoé'].sort(
      new Intl.Collator('fr', { numeric: true }).compare,
    );
    expect(sorted.map((row) => row.v)).toEqual(node);
    expect(node).toEqual(['Eden', 'Élan', 'structure 3', 'Structure 12', 'Zoé']);
  });

  it('adds the report columns to an existing table, derives them at every write, and indexes them', async () => {
    const Person = z.strictObject({
      id: z.string(),
      name: z.string(),
      hours: z.number().nullable(),
      active: z.boolean(),
    });
    const before = { people: defineCollection(Person) };
    const first = await openPostgresStore({ url: db.url, collections: before, schemaVersion: 2 });
    await first.transact((tx) => {
      tx.put('people', { id: 'p1', name: 'Élodie', hours: 1.5, active: true });
    });
    await first.close();
    const after = {
      people: defineCollection(Person, [], {
        types: { name: 'text', hours: 'float8', active: 'boolean' },
        indexed: ['active'],
        french: ['name'],
      }),
    };
    // Two openings: the second finds the columns there and adds nothing.
    for (let opening = 0; opening < 2; opening += 1)
      await (await openPostgresStore({ url: db.url, collections: after, schemaVersion: 2 })).close();
    const store = await openPostgresStore({ url: db.url, collections: after, schemaVersion: 2 });
    await store.transact((tx) => {
      tx.put('people', { id: 'p2', name: 'Zoé', hours: null, active: false });
      tx.put('people', { id: 'p1', name: 'Élodie Martin', hours: 3, active: true });
    });
    expect(await sql`select id, name, hours, active from people order by id`).toEqual([
      { id: 'p1', name: 'Élodie Martin', hours: 3, active: true },
      { id: 'p2', name: 'Zoé', hours: null, active: false },
    ]);
    const indexes = await sql`select indexdef from pg_indexes where tablename = 'people' order by indexname`;
    expect(indexes.map((row) => row.indexdef)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('(active)'),
        expect.stringContaining('(name COLLATE passerelle_fr)'),
      ]),
    );
    // The store's rows are unchanged: the columns are the database's copy, not part of a row.
    expect(await store.get('people', 'p2')).toEqual({ id: 'p2', name: 'Zoé', hours: null, active: false });
    await store.close();
  });
});
