// On PostgreSQL the HR rows come from one SQL statement (completions-from-postgres.ts). They must be
// exactly the rows the in-memory reading of the same store gives, for every filter, status and sort.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { collections, migrations, schemaVersion } from '../../../server/collections.ts';
import { type CompletionSort, completionSortKeys } from '../../../server/hr/completion-filters.ts';
import { completionsFromPostgres } from '../../../server/hr/completions-from-postgres.ts';
import type { CompletionsSource } from '../../../server/hr/completions-source.ts';
import { type CompletionQuery, completionsFromStore } from '../../../server/hr/completions-source.ts';
import type { ListedCompletion } from '../../../server/hr/listed-completion.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { openPostgresStore } from '../../../server/store/postgres/open-postgres-store.ts';
import { postgresSqlOf } from '../../../server/store/postgres/postgres-sql-of.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { certificateRow, lilas, nord, seedAssignments, seedCompletions } from '../seed-completions.ts';

const queries: CompletionQuery[] = [
  {},
  { sort: 'name' },
  { sort: 'completedAt', dir: 'desc' },
  { sort: 'structure', dir: 'asc' },
  { sort: 'status' },
  { structure: nord },
  { structure: lilas, sort: 'name' },
  { structure: 'Personne ici' },
  { course: 'demo' },
  { course: 'demo', structure: lilas },
  { course: 'ancien' },
  { status: 'completed' },
  { status: 'revoked' },
  { status: 'in_progress', sort: 'course' },
  { status: 'not_started' },
  { status: 'not_started', structure: lilas },
  { course: 'rgpd', status: 'not_started' },
  { from: '2026-03-01' },
  { to: '2026-06-30' },
  { from: '2026-07-01', to: '2026-07-01' },
  { from: '2025-01-01', to: '2026-12-31', structure: nord, sort: 'completedAt' },
  { userId: 'alice' },
  { userId: 'hugo', course: 'demo' },
  // Assignments (seedAssignments): due dates, late rows started or not, the filter by assignment.
  { status: 'late' },
  { status: 'late', structure: lilas, sort: 'name' },
  { status: 'late', course: 'demo' },
  { assignment: 'nord-demo' },
  { assignment: 'rgpd-all', sort: 'status' },
  { assignment: 'rgpd-people', status: 'not_started' },
  { assignment: 'demo-open', structure: lilas },
  { assignment: 'lilas-withdrawn', sort: 'completedAt', dir: 'desc' },
  { assignment: 'nord-demo', course: 'rgpd' },
  { assignment: 'nobody' },
];

/** The dashboard's questions: every sort both ways, pages of three rows, a page past the end. */
const pages: [CompletionQuery & { sort: CompletionSort }, number][] = [
  ...completionSortKeys.flatMap((sort) =>
    (['asc', 'desc'] as const).flatMap((dir) => [1, 2].map((page) => [{ sort, dir }, page] as [never, number])),
  ),
  [{ sort: 'name', course: 'demo' }, 2],
  [{ sort: 'status', status: 'late' }, 1],
  [{ sort: 'structure', assignment: 'rgpd-all' }, 1],
  [{ sort: 'course', structure: nord, dir: 'desc' }, 2],
  [{ sort: 'name', course: 'rgpd', status: 'not_started' }, 1],
  [{ sort: 'completedAt', from: '2026-01-01' }, 99],
  [{ sort: 'name', structure: 'Personne ici' }, 1],
  [{ sort: 'name', assignment: 'nobody' }, 1],
];

describe.skipIf(skipWithoutDatabase)('HR rows computed by PostgreSQL', () => {
  let db: TestDatabase;
  let store: AppStore;
  let catalog: Catalog;
  let fromStore: CompletionsSource;
  let fromSql: CompletionsSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await openPostgresStore({ url: db.url, collections, schemaVersion, migrations });
    await seedCompletions(store);
    await seedAssignments(store);
    const demo = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog.bySlug.get('demo')!;
    const rgpd = { ...demo, slug: 'rgpd', title: 'RGPD : les bases', declaredMinutes: 90, version: 1 };
    catalog = { courses: [demo, rgpd], bySlug: new Map([demo, rgpd].map((course) => [course.slug, course])) };
    const clock = () => new Date('2026-11-23T09:00:00Z');
    fromStore = completionsFromStore(store, () => catalog, clock);
    fromSql = completionsFromPostgres(postgresSqlOf(store)!, store, () => catalog, clock);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const list = async (source: CompletionsSource, query: CompletionQuery) => {
    const rows: ListedCompletion[] = [];
    for await (const row of source.list(query)) rows.push(row);
    return rows;
  };
  /** Unsorted queries come in each source's own order: compare them as sets. */
  const comparable = (rows: ListedCompletion[], sorted: boolean) =>
    sorted
      ? rows
      : [...rows].sort((a, b) => `${a.userId}/${a.courseSlug}`.localeCompare(`${b.userId}/${b.courseSlug}`));

  it.each(queries.map((query) => [JSON.stringify(query), query] as const))(
    'gives the same rows for %s',
    async (_, query) => {
      const expected = await list(fromStore, query);
      const actual = await list(fromSql, query);
      expect(comparable(actual, Boolean(query.sort))).toEqual(comparable(expected, Boolean(query.sort)));
    },
  );

  it.each(pages.map(([query, page]) => [JSON.stringify(query), page, query] as const))(
    'gives the same dashboard page (rows, position, totals) for %s, page %i',
    async (_, page, query) => {
      const expected = await fromStore.page(query, page, 3);
      const actual = await fromSql.page(query, page, 3);
      expect(actual).toEqual(expected);
    },
  );

  it('covers every state of the seed, so the comparison means something', async () => {
    const statuses = new Set((await list(fromSql, {})).map((row) => row.status));
    expect([...statuses].sort()).toEqual(['completed', 'late', 'revoked']);
    const late = await list(fromSql, { status: 'late', sort: 'name' });
    // Started (Alice, Bruno) or not; Fanny, a trainer who follows a course, counts; Ève (HR) and Gaston
    // (deactivated) do not; the earlier of Alice's two due dates for rgpd counts.
    expect(late.map((row) => `${row.userId}/${row.courseSlug}/${row.dueDate}`)).toEqual([
      'alice/rgpd/2026-09-01',
      'bruno/demo/2026-06-01',
      'bruno/rgpd/2026-09-01',
      'chloe/rgpd/2026-09-01',
      'damien/rgpd/2026-09-01',
      'fanny/demo/2026-06-01',
      'hugo/rgpd/2026-09-01',
    ]);
    const page = await fromSql.page({ sort: 'name', assignment: 'rgpd-all' }, 1, 50);
    expect(page.summary.overall).toMatchObject({ late: 5, completed: 1, enrolled: 2, inProgress: 0 });
    expect((await list(fromSql, { status: 'not_started' })).length).toBeGreaterThan(0);
    // Hugo's replaced certificate gives way to the newer one; measured time sums the modules.
    const alice = (await list(fromSql, { userId: 'alice', course: 'demo' }))[0];
    expect(alice?.measuredMinutes).toBe(15);
    expect((await list(fromSql, { userId: 'hugo' }))[0]?.certificateId).toBe('cert-hugo-new');
  });

  // Last: it adds a certificate to the shared seed.
  it('counts a row whose revoked certificate was followed by a newer valid one as completed, as the store does', async () => {
    const before = await fromSql.page({ sort: 'name' }, 1, 50);
    // Hugo's current certificate (valid) stays the latest; an older, revoked one is added before it.
    await store.transact((tx) => {
      tx.put('certificates', certificateRow('hugo', 'demo', '2026-05-01T10:00:00.000Z', { status: 'revoked' }));
    });
    const after = await fromSql.page({ sort: 'name' }, 1, 50);
    expect(after.summary.overall.revoked).toBe(before.summary.overall.revoked);
    expect(after.summary.overall.completed).toBe(before.summary.overall.completed);
    expect(after).toEqual(await fromStore.page({ sort: 'name' }, 1, 50));
    // And a revoked certificate newer than the valid one makes the row revoked.
    await store.transact((tx) => {
      tx.put('certificates', certificateRow('hugo', 'demo', '2026-06-01T10:00:00.000Z', { status: 'revoked' }));
    });
    const revoked = await fromSql.page({ sort: 'name' }, 1, 50);
    expect(revoked.summary.overall.revoked).toBe(before.summary.overall.revoked + 1);
    expect(revoked).toEqual(await fromStore.page({ sort: 'name' }, 1, 50));
  });
});
