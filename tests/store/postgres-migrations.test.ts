// Migrations on PostgreSQL: only the collections a migration changes are rewritten, in slices (one
// statement with every row of a large collection went past PostgreSQL's 256 MB limit for a jsonb value),
// and the French collation the HR queries sort with is created at start-up.
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
});
