// A learner's path to the root, read by walking up from their structure: the same codes as the whole tree
// gives (orphans and unknown codes included), on both stores, and a learner's course reach never reads
// the whole network.
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../server/catalog/course.ts';
import { courseReach } from '../../../server/learning/course-reach.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { loadTree, pathCodes } from '../../../server/structures/queries.ts';
import { pathToRoot } from '../../../server/structures/tree.ts';
import { seededRandom, storeForSuite } from '../../helpers/property-stores.ts';
import { skipWithoutDatabase } from '../../helpers/test-database.ts';
import { userRow } from '../../hr/seed-completions.ts';

const at = '2026-01-01T00:00:00.000Z';

/** A random network of this seed; some structures hang under a parent that does not exist. */
async function seedTree(store: AppStore, seed: number): Promise<string[]> {
  const next = seededRandom(seed);
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

// PostgreSQL too when DATABASE_URL is set (test-database.ts says when it is skipped).
const stores = skipWithoutDatabase
  ? ([['embedded', 40]] as const)
  : ([
      ['embedded', 40],
      ['postgres', 15],
    ] as const);

describe.each(stores)('a path to the root on the %s store', (kind, cases) => {
  const storeOf = storeForSuite(kind);

  it(`is the tree's path, for ${cases} random networks with orphans and an unknown code`, async () => {
    for (let seed = 1; seed <= cases; seed++) await check(storeOf(), seed);
  });

  it('gives a learner the reach of their path without reading the whole network', async () => {
    const store = storeOf();
    await store.transact((tx) => {
      tx.put('structures', { id: 'r-a', name: 'A', parentId: 'reseau', createdAt: at, updatedAt: at });
      tx.put('structures', { id: 'r-b', name: 'B', parentId: 'r-a', createdAt: at, updatedAt: at });
      tx.put('structures', { id: 'r-c', name: 'C', parentId: 'reseau', createdAt: at, updatedAt: at });
    });
    expect(await reachOf(store, 'r-b')).toEqual(['r-b', 'r-a', 'reseau']);
    expect(await reachOf(store, 'r-c')).toEqual(['r-c', 'reseau']);
    expect(await reachOf(store, 'nowhere')).toEqual(['reseau']);
  });
});
