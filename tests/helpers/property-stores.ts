// What the property tests over random networks share: a generator a failing case can be replayed from, and
// a store opened for one suite, on either store.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { collections, migrations, schemaVersion } from '../../server/collections.ts';
import { openAppStore } from '../../server/open-app-store.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** A small deterministic generator (xorshift): `next(n)` is an integer from 0 to n − 1. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

/**
 * A store opened before the calling suite and closed after it: the embedded store on a temporary folder,
 * or PostgreSQL on a database of its own (call it in a suite skipped without DATABASE_URL).
 */
export function storeForSuite(kind: 'embedded' | 'postgres'): () => AppStore {
  let store: AppStore | undefined;
  let dir: string | undefined;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === 'embedded') {
      dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-property-'));
      store = await openAppStore(dir);
    } else {
      db = await createTestDatabase();
      store = await openPostgresStore({ url: db.url, collections, schemaVersion, migrations });
    }
  });
  afterAll(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.drop();
  });
  return () => store!;
}
