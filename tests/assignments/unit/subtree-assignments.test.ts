// Property: an assignment to a structure concerns the people of that structure and of everything below it,
// never anyone else. Over random trees, on the embedded store and (with DATABASE_URL) on PostgreSQL's SQL
// path: who it lists (reminders, the assignment's page and export), each learner's « À faire », the HR
// rows filtered on the assignment, and « En retard » once its due date has passed.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AssignmentRejectedError } from '../../../server/assignments/errors.ts';
import { assignmentProgress, todoOf } from '../../../server/assignments/queries.ts';
import { assignCourse } from '../../../server/assignments/use-cases/assign-course.ts';
import type { Catalog } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { completionsFromPostgres } from '../../../server/hr/completions-from-postgres.ts';
import { type CompletionsSource, completionsFromStore } from '../../../server/hr/completions-source.ts';
import { scopedCompletions } from '../../../server/hr/scoped-completions.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { postgresSqlOf } from '../../../server/store/postgres/postgres-sql-of.ts';
import { loadTree } from '../../../server/structures/queries.ts';
import { wholeNetwork } from '../../../server/structures/scope.ts';
import { writeStructure } from '../../../server/structures/tree-revision.ts';
import { seededRandom, storeForSuite } from '../../helpers/property-stores.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { skipWithoutDatabase } from '../../helpers/test-database.ts';
import { enrollmentRow, userRow } from '../../hr/seed-completions.ts';

const at = '2026-01-01T00:00:00.000Z';
// Due on 10 January; the clock says 20 January: who has not completed is late.
const now = () => new Date('2026-01-20T10:00:00.000Z');

/** A random network, people spread over it (some in progress, some done), one assignment to a random structure. */
async function seedCase(store: AppStore, seed: number) {
  const next = seededRandom(seed);
  const codes = ['reseau'];
  const parent = new Map<string, string>();
  const assignmentId = `a-${seed}`;
  const done = new Set<string>();
  await store.transact((tx) => {
    for (let i = 0; i < 3 + next(25); i++) {
      const code = `s${seed}-${i}`;
      const above = codes[next(codes.length)]!;
      parent.set(code, above);
      codes.push(code);
      writeStructure(tx, { id: code, name: `Structure ${i}`, parentId: above, createdAt: at, updatedAt: at });
    }
    for (let i = 0; i < 30; i++) {
      const id = `p${seed}-${i}`;
      tx.put('users', userRow(id, `Personne ${i}`, { structure: codes[1 + next(codes.length - 1)]! }));
      const state = next(3);
      if (state > 0) tx.put('enrollments', enrollmentRow(id, 'demo', state === 2 ? at : null));
      if (state === 2) done.add(id);
    }
    tx.put('assignments', {
      id: assignmentId,
      course: 'demo',
      courseTitle: 'Démo',
      target: 'structure',
      structure: codes[1 + next(codes.length - 1)]!,
      userIds: [],
      dueDate: '2026-01-10',
      status: 'active',
      createdAt: at,
      createdBy: 'someone',
      withdrawnAt: null,
      withdrawnBy: null,
    });
  });
  const assigned = (await store.get('assignments', assignmentId))!;
  // Who it concerns, computed independently of the code under test: walk up from each person's structure.
  const concerned = new Set<string>();
  for await (const person of store.all('users')) {
    if (!person.id.startsWith(`p${seed}-`)) continue;
    for (let code: string | undefined = person.structure; code; code = parent.get(code))
      if (code === assigned.structure) concerned.add(person.id);
  }
  return { assigned, concerned, done };
}

async function check(store: AppStore, source: CompletionsSource, catalog: Catalog, seed: number) {
  const { assigned, concerned, done } = await seedCase(store, seed);
  const late = new Set([...concerned].filter((id) => !done.has(id)));
  const progress = await assignmentProgress(store, assigned, '2026-01-20');
  expect(new Set(progress.map((p) => p.person.id))).toEqual(concerned);
  expect(new Set(progress.filter((p) => p.state === 'late').map((p) => p.person.id))).toEqual(late);
  for (let i = 0; i < 30; i++) {
    const person = (await store.get('users', `p${seed}-${i}`))!;
    const todo = await todoOf(store, catalog, person, '2026-01-20');
    expect(todo.map((item) => item.late)).toEqual(late.has(person.id) ? [true] : []);
  }
  // The HR rows, as the dashboard asks for them (the tree comes with the scope).
  const hr = scopedCompletions(source, await loadTree(store), wholeNetwork);
  const ids = async (query: Parameters<CompletionsSource['list']>[0]) => {
    const found = new Set<string>();
    for await (const row of hr.list(query)) if (row.userId.startsWith(`p${seed}-`)) found.add(row.userId);
    return found;
  };
  expect(await ids({ assignment: assigned.id })).toEqual(concerned);
  expect(await ids({ assignment: assigned.id, status: 'late' })).toEqual(late);
  expect(await ids({ course: 'demo', status: 'late' })).toEqual(late);
  const page = await hr.page({ assignment: assigned.id, sort: 'name' }, 1, 10_000);
  const lateOnPage = page.rows.filter((row) => row.userId.startsWith(`p${seed}-`) && row.status === 'late');
  expect(new Set(lateOnPage.map((row) => row.userId))).toEqual(late);
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog;
});

describe('an assignment to a structure reaches below it (embedded store)', () => {
  const storeOf = storeForSuite('embedded');
  it('for 20 random trees', async () => {
    const store = storeOf();
    // Each case withdraws the previous one's assignment, so due dates never mix between cases.
    for (let seed = 1; seed <= 20; seed++) {
      await check(
        store,
        completionsFromStore(store, () => catalog, now),
        catalog,
        seed,
      );
      await withdrawAll(store);
    }
  });

  it('accepts a structure whose people are all below it, and refuses one with nobody in its subtree', async () => {
    const store = storeOf();
    await store.transact((tx) => {
      for (const [id, parentId] of [
        ['fed', 'reseau'],
        ['asso', 'fed'],
        ['empty', 'reseau'],
      ] as const)
        writeStructure(tx, { id, name: id, parentId, createdAt: at, updatedAt: at });
      tx.put('users', userRow('only-below', 'Personne', { structure: 'asso' }));
    });
    const assign = (structure: string) =>
      assignCourse(
        { course: 'demo', target: 'structure', structure, emails: '', dueDate: '', actorId: 'hr' },
        { store, clock: now, catalog },
      );
    expect((await assign('fed')).structure).toBe('fed');
    await expect(assign('empty')).rejects.toBeInstanceOf(AssignmentRejectedError);
    await withdrawAll(store);
  });
});

describe.skipIf(skipWithoutDatabase)('an assignment to a structure reaches below it (PostgreSQL)', () => {
  const storeOf = storeForSuite('postgres');
  it('for 6 random trees, on the SQL path', async () => {
    const store = storeOf();
    for (let seed = 101; seed <= 106; seed++) {
      await check(
        store,
        completionsFromPostgres(postgresSqlOf(store)!, store, () => catalog, now),
        catalog,
        seed,
      );
      await withdrawAll(store);
    }
  });
});

async function withdrawAll(store: AppStore) {
  const active = await store.findBy('assignments', 'status', 'active');
  await store.transact((tx) => {
    for (const a of active) tx.put('assignments', { ...a, status: 'withdrawn', withdrawnAt: at, withdrawnBy: 'x' });
  });
}
