// Property: over random trees, people and grants, what an HR account lists (the rows its exports are
// made of) is exactly the rows of the people in the subtrees of its grants, never one more; on the
// embedded store and, with DATABASE_URL, on PostgreSQL's SQL path.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { completionsFromPostgres } from '../../../server/hr/completions-from-postgres.ts';
import { type CompletionsSource, completionsFromStore } from '../../../server/hr/completions-source.ts';
import { scopedCompletions } from '../../../server/hr/scoped-completions.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { postgresSqlOf } from '../../../server/store/postgres/postgres-sql-of.ts';
import { viewOf } from '../../../server/structures/scope.ts';
import { writeStructure } from '../../../server/structures/tree-revision.ts';
import { seededRandom, storeForSuite } from '../../helpers/property-stores.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { skipWithoutDatabase } from '../../helpers/test-database.ts';
import { enrollmentRow, userRow } from '../../hr/seed-completions.ts';

const at = '2026-01-01T00:00:00.000Z';

/** A random network, people spread over it, and an HR account with one to three random grants. */
async function seedCase(store: AppStore, seed: number) {
  const next = seededRandom(seed);
  const codes = ['reseau'];
  const parent = new Map<string, string>();
  const size = 3 + next(25);
  const hrId = `hr-${seed}`;
  const enrolled = new Set<string>();
  await store.transact((tx) => {
    for (let i = 0; i < size; i++) {
      const code = `s${seed}-${i}`;
      const above = codes[next(codes.length)]!;
      parent.set(code, above);
      codes.push(code);
      writeStructure(tx, { id: code, name: `Structure ${i}`, parentId: above, createdAt: at, updatedAt: at });
    }
    for (let i = 0; i < 40; i++) {
      const id = `p${seed}-${i}`;
      tx.put('users', userRow(id, `Personne ${i}`, { structure: codes[next(codes.length)]! }));
      if (next(3) === 0) continue;
      tx.put('enrollments', enrollmentRow(id, 'demo', next(2) ? at : null));
      enrolled.add(id);
    }
    tx.put('users', userRow(hrId, 'RH', { structure: codes[1]!, role: 'learner' }));
    for (let g = 0; g <= next(3); g++)
      tx.put('grants', {
        id: `g${seed}-${g}`,
        userId: hrId,
        role: 'hr',
        structureId: codes[1 + next(size)]!,
        createdAt: at,
      });
  });
  // What the grants reach, computed independently of the code under test: walk up from each structure.
  const granted = new Set((await store.findBy('grants', 'userId', hrId)).map((g) => g.structureId));
  const reaches = (code: string): boolean => {
    for (let at: string | undefined = code; at; at = parent.get(at)) if (granted.has(at)) return true;
    return false;
  };
  return { hr: { id: hrId, role: 'learner' }, reaches, enrolled };
}

async function check(store: AppStore, source: CompletionsSource, seed: number) {
  const { hr, reaches, enrolled } = await seedCase(store, seed);
  const view = await viewOf(store, hr, ['hr', 'admin']);
  const scoped = scopedCompletions(source, view.tree, view.scope);
  const inScope = new Set<string>();
  for await (const person of store.all('users'))
    if ((person.id.startsWith(`p${seed}-`) || person.id === hr.id) && reaches(person.structure)) inScope.add(person.id);
  const listed = async (query: Parameters<CompletionsSource['list']>[0]) => {
    const ids = new Set<string>();
    for await (const row of scoped.list(query)) ids.add(row.userId);
    return ids;
  };
  // Started rows: exactly the enrolled people in scope (people of the other cases' networks never appear).
  expect(await listed({})).toEqual(new Set([...inScope].filter((id) => enrolled.has(id))));
  // Not started: only people in scope, and all of those who have not started.
  expect(await listed({ course: 'demo', status: 'not_started' })).toEqual(
    new Set([...inScope].filter((id) => !enrolled.has(id))),
  );
  // The dashboard's page (sorted, paginated and counted by the database on PostgreSQL): the same people,
  // and totals that count no one else.
  const page = await scoped.page({ sort: 'name' }, 1, 10_000);
  expect(new Set(page.rows.map((row) => row.userId))).toEqual(await listed({}));
  expect(page.total).toBe(page.rows.length);
  expect(page.summary.overall.enrolled).toBe([...inScope].filter((id) => enrolled.has(id)).length);
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog;
});

describe('HR rows stay in scope (embedded store)', () => {
  const storeOf = storeForSuite('embedded');
  it('for 40 random trees, people and grants', async () => {
    const store = storeOf();
    for (let seed = 1; seed <= 40; seed++)
      await check(
        store,
        completionsFromStore(
          store,
          () => catalog,
          () => new Date(),
        ),
        seed,
      );
  });
});

describe.skipIf(skipWithoutDatabase)('HR rows stay in scope (PostgreSQL)', () => {
  const storeOf = storeForSuite('postgres');
  it('for 15 random trees, people and grants, on the SQL path', async () => {
    const store = storeOf();
    for (let seed = 101; seed <= 115; seed++)
      await check(
        store,
        completionsFromPostgres(
          postgresSqlOf(store)!,
          store,
          () => catalog,
          () => new Date(),
        ),
        seed,
      );
  });
});
