// With PostgreSQL, every instance must sign with the same keys: they are a row of the database, made once
// even when instances start together, and rotation adds to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedKeyStore } from '../../../server/badges/credential-keys.ts';
import { openConfiguredStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';

describe.skipIf(skipWithoutDatabase)('the signing keys on PostgreSQL', () => {
  let database: TestDatabase;
  let stores: AppStore[];

  beforeAll(async () => {
    database = await createTestDatabase();
    stores = [
      (await openConfiguredStore({ databaseUrl: database.url, dataDir: '/nonexistent' })).store,
      (await openConfiguredStore({ databaseUrl: database.url, dataDir: '/nonexistent' })).store,
    ];
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await database.drop();
  });

  it('are made once for every instance, even by two at the same moment, and a rotation reaches both', async () => {
    const [a, b] = [sharedKeyStore(stores[0]!), sharedKeyStore(stores[1]!)];
    const [ringA, ringB] = await Promise.all([a.read(), b.read()]);
    expect(ringA.keys).toHaveLength(1);
    expect(ringB).toEqual(ringA);
    await a.rotate(new Date('2026-12-01T10:00:00Z'));
    const rotated = await b.read();
    expect(rotated.keys.map((key) => key.id)).toEqual([ringA.keys[0]!.id, expect.any(String)]);
    expect(rotated.keys[1]!.id).not.toBe(ringA.keys[0]!.id);
  });
});
