import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../server/store/errors.ts';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store.ts';
import { defineCollection, type Store } from '../../server/store/store.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';

const Account = z.strictObject({ id: z.string(), email: z.string(), admin: z.boolean() });
const Counter = z.strictObject({ id: z.string(), value: z.number().int() });
const collections = {
  accounts: defineCollection(Account, ['email', 'admin']),
  counters: defineCollection(Counter),
};
type TestStore = Store<typeof collections>;

describe.skipIf(skipWithoutDatabase)('the PostgreSQL store', () => {
  let db: TestDatabase;
  const opened: TestStore[] = [];
  const open = async () => {
    const store = await openPostgresStore({ url: db.url, collections, schemaVersion: 1 });
    opened.push(store);
    return store;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates its tables once even when two instances start at the same moment', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.transact((tx) => {
      tx.put('accounts', { id: 'a1', email: 'zoe@exemple.org', admin: true });
    });
    expect(await b.get('accounts', 'a1')).toEqual({ id: 'a1', email: 'zoe@exemple.org', admin: true });
    expect(await b.findBy('accounts', 'admin', true)).toHaveLength(1);
  });

  it('validates rows and applies nothing of a transaction that fails', async () => {
    const store = await open();
    await expect(
      store.transact((tx) => {
        tx.put('counters', { id: 'c-valid', value: 1 });
        tx.put('counters', { id: 'c-bad', value: 1.5 } as never);
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await store.get('counters', 'c-valid')).toBeUndefined();
  });

  it('keeps a check-then-write invariant across two instances under concurrency: one account per e-mail', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const claim = (store: TestStore, id: string) =>
      store.transact(async (tx) => {
        if ((await tx.findBy('accounts', 'email', 'unique@exemple.org')).length > 0) return false;
        tx.put('accounts', { id, email: 'unique@exemple.org', admin: false });
        return true;
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(i % 2 ? a : b, `u${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.findBy('accounts', 'email', 'unique@exemple.org')).toHaveLength(1);
  });

  it('loses no increment of 40 concurrent read-modify-write transactions from two instances', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.transact((tx) => {
      tx.put('counters', { id: 'hits', value: 0 });
    });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).transact(async (tx) => {
          const current = await tx.get('counters', 'hits');
          tx.put('counters', { id: 'hits', value: (current?.value ?? 0) + 1 });
        }),
      ),
    );
    expect((await a.get('counters', 'hits'))?.value).toBe(40);
  });

  it('streams every row of a collection and counts them', async () => {
    const store = await open();
    await store.transact((tx) => {
      for (let i = 0; i < 1200; i++) tx.put('counters', { id: `n${String(i).padStart(4, '0')}`, value: i });
    });
    let seen = 0;
    for await (const row of store.all('counters')) if (row.id.startsWith('n')) seen++;
    expect(seen).toBe(1200);
    expect(await store.count('counters')).toBeGreaterThanOrEqual(1200);
  });
});
