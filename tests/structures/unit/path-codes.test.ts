// A learner's path to the root, read by walking up from their structure: the same codes as the whole tree
// gives (orphans and unknown codes included), on both stores, and a learner's course reach never reads
// the whole network.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../server/catalog/course.ts';
import { collections, migrations, schemaVersion } from '../../../server/collections.ts';
import { courseReach } from '../../../server/learning/course-reach.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { openPostgresStore } from '../../../server/store/postgres/open-postgres-store.ts';
import { loadTree, pathCodes } from '../../../server/structures/queries.ts';
import { pathToRoot } from '../../../server/structures/tree.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { userRow } from '../../hr/seed-completions.ts';

const at = '2026-01-01T00:00:00.000Z';

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

/** A random network of this seed; some structures hang under a parent that does not exist. */
async function seedTree(store: AppStore, seed: number): Promise<string[]> {
  const next = random(seed);
  const codes = ['reseau'];
  await store.transact((tx) => {
    for (let i = 0; i < 3 + next(30); i++) {
      const code = `t${seed}-${i}`;
      const parentId = next(8) === 0 ? `gone-${seed}-${i}` : codes[next(codes.length)]!;
      tx.put('structures', { id: code, name: code, parentId, createdAt: at, updatedAt: at });
      codes.push(code);
    }
  });
  return codes;
}

async function check(store: AppStore, seed: number) {
  const codes = await seedTree(store, seed);
  const tree = await loadTree(store);
  for (const code of [...codes, `unknown-${seed}`])
    expect(await pathCodes(store, code), code).toEqual(pathToRoot(tree, code).map((node) => node.code));
}

/** The store with the whole-collection read refused: what a learner's request must never need. */
function withoutWholeReads(store: AppStore): AppStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'all') return () => expect.fail('the whole collection was read');
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function reachOf(store: AppStore, structure: string): Promise<string[]> {
  const catalog = { courses: [{ structure: 'reseau' }, { structure: 't1-0' }] } as unknown as Catalog;
  const res = { locals: { user: userRow('learner', 'Léa', { structure }) } } as unknown as Response;
  let passed = false;
  await courseReach(withoutWholeReads(store), () => catalog)({} as Request, res, () => {
    passed = true;
  });
  expect(passed).toBe(true);
  return [...(res.locals.courseReach ?? [])];
}

describe.each([
  ['embedded', 40],
  ['PostgreSQL', 15],
] as const)('a path to the root on the %s store', (kind, cases) => {
  let store: AppStore;
  let dir: string | undefined;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === 'embedded') {
      dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-path-'));
      store = await openAppStore(dir);
    } else if (!skipWithoutDatabase) {
      db = await createTestDatabase();
      store = await openPostgresStore({ url: db.url, collections, schemaVersion, migrations });
    }
  });
  afterAll(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it.skipIf(kind === 'PostgreSQL' && skipWithoutDatabase)(
    `is the tree's path, for ${cases} random networks with orphans and an unknown code`,
    async () => {
      for (let seed = 1; seed <= cases; seed++) await check(store, seed);
    },
  );

  it.skipIf(kind === 'PostgreSQL' && skipWithoutDatabase)(
    'gives a learner the reach of their path without reading the whole network',
    async () => {
      await store.transact((tx) => {
        tx.put('structures', { id: 'r-a', name: 'A', parentId: 'reseau', createdAt: at, updatedAt: at });
        tx.put('structures', { id: 'r-b', name: 'B', parentId: 'r-a', createdAt: at, updatedAt: at });
        tx.put('structures', { id: 'r-c', name: 'C', parentId: 'reseau', createdAt: at, updatedAt: at });
      });
      expect(await reachOf(store, 'r-b')).toEqual(['r-b', 'r-a', 'reseau']);
      expect(await reachOf(store, 'r-c')).toEqual(['r-c', 'reseau']);
      expect(await reachOf(store, 'nowhere')).toEqual(['reseau']);
    },
  );
});
