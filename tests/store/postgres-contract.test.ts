// The PostgreSQL store passes the store contract. One database for the file; each test gets a store
// on it with every collection emptied first.
import { afterAll, describe } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { storeContract } from './contract.ts';
import { collect, collections } from './fixtures/collections.ts';

describe.skipIf(skipWithoutDatabase)('PostgreSQL', () => {
  let db: TestDatabase | undefined;
  afterAll(async () => {
    await db?.drop();
  });

  storeContract('the PostgreSQL store', async () => {
    db ??= await createTestDatabase();
    const store = await openPostgresStore({ url: db.url, collections, schemaVersion: 1, maxConnections: 4 });
    for (const coll of Object.keys(collections) as (keyof typeof collections)[]) {
      const rows = await collect(store.all(coll));
      await store.transact((tx) => {
        for (const row of rows) tx.delete(coll, row.id);
      });
    }
    return { store, close: () => store.close() };
  });
});
