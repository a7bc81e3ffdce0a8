import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { CompletionFilters } from '../../../server/hr/completion-filters.ts';
import { type CompletionQuery, completionsFromStore } from '../../../server/hr/completions-source.ts';
import type { ListedCompletion } from '../../../server/hr/listed-completion.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { lilas, seedCompletions } from '../seed-completions.ts';

let dir: string;
let store: AppStore;
let catalog: Catalog;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-completions-'));
  store = await openAppStore(dir);
  await seedCompletions(store);
  const demo = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog.bySlug.get('demo')!;
  // A second published course, so "not started" without a course filter spans two courses.
  const rgpd = { ...demo, slug: 'rgpd', title: 'RGPD : les bases', declaredMinutes: 90, version: 1 };
  catalog = { courses: [demo, rgpd], bySlug: new Map([demo, rgpd].map((course) => [course.slug, course])) };
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function list(query: CompletionQuery): Promise<ListedCompletion[]> {
  const rows: ListedCompletion[] = [];
  for await (const row of completionsFromStore(
    store,
    () => catalog,
    () => new Date('2026-11-23T09:00:00Z'),
  ).list(query))
    rows.push(row);
  return rows;
}

/** `userId/course:status`, sorted, to compare sets of pairs at a glance. */
async function pairs(query: CompletionQuery): Promise<string[]> {
  return (await list(query)).map((row) => `${row.userId}/${row.courseSlug}:${row.status}`).sort();
}

describe('completions read from the store', () => {
  it('lists every started learner × course pair when no filter is given, and no not-started pair', async () => {
    expect(await pairs({})).toEqual([
      'alice/ancien:completed',
      'alice/demo:completed',
      'alice/rgpd:in_progress',
      'bruno/demo:in_progress',
      'chloe/demo:revoked',
      'fanny/rgpd:completed',
      'hugo/demo:completed',
    ]);
  });

  it('fills one row with the account, the course, times, score and the latest certificate', async () => {
    const [alice] = (await list({ course: 'demo' })).filter((row) => row.userId === 'alice');
    expect(alice).toMatchObject({
      name: 'Alice Martin',
      email: 'alice@exemple.org',
      matricule: 'M-001',
      structure: 'Centre social Nord',
      course: 'Cours de démonstration',
      courseVersion: 2,
      status: 'completed',
      startedAt: new Date('2026-01-05T09:00:00Z'),
      completedAt: new Date('2026-03-10T10:00:00Z'),
      measuredMinutes: 15,
      declaredMinutes: 25,
      finalScore: 90,
      certificateStatus: 'valid',
      courseSlug: 'demo',
    });
    expect(alice?.certificateCode).toMatch(/^PAS-/);
    expect(alice?.certificateId).toMatch(/^cert-alice-demo/);
  });

  it('keeps the recorded title and the certificate’s declared duration for a course no longer published', async () => {
    const [ancien] = await list({ course: 'ancien' });
    expect(ancien).toMatchObject({ course: 'Ancienne formation', courseVersion: 1, declaredMinutes: 120 });
  });

  it('reports a completion whose latest certificate was revoked as revoked', async () => {
    expect(await pairs({ status: 'revoked' })).toEqual(['chloe/demo:revoked']);
  });

  it('takes the latest certificate by issue date: a replaced one gives way to its replacement', async () => {
    const [hugo] = (await list({ course: 'demo' })).filter((row) => row.userId === 'hugo');
    expect(hugo).toMatchObject({ status: 'completed', certificateId: 'cert-hugo-new', certificateStatus: 'valid' });
  });

  it('filters by status', async () => {
    expect(await pairs({ status: 'in_progress' })).toEqual(['alice/rgpd:in_progress', 'bruno/demo:in_progress']);
    expect(await pairs({ status: 'completed' })).toEqual([
      'alice/ancien:completed',
      'alice/demo:completed',
      'fanny/rgpd:completed',
      'hugo/demo:completed',
    ]);
  });

  it('filters by structure', async () => {
    expect(await pairs({ structure: lilas })).toEqual(['chloe/demo:revoked', 'hugo/demo:completed']);
    expect(await pairs({ structure: 'Structure inconnue' })).toEqual([]);
  });

  it('adds active learners who have not started, and other roles only once they follow courses, for a course filter', async () => {
    expect(await pairs({ course: 'demo' })).toEqual([
      'alice/demo:completed',
      'bruno/demo:in_progress',
      'chloe/demo:revoked',
      'damien/demo:not_started',
      'fanny/demo:not_started',
      'hugo/demo:completed',
    ]);
    const damien = (await list({ course: 'demo' })).find((row) => row.userId === 'damien');
    expect(damien).toMatchObject({
      startedAt: null,
      completedAt: null,
      measuredMinutes: 0,
      declaredMinutes: 25,
      certificateCode: null,
    });
  });

  it('combines course and structure filters, not-started pairs included', async () => {
    expect(await pairs({ course: 'demo', structure: lilas })).toEqual([
      'chloe/demo:revoked',
      'damien/demo:not_started',
      'hugo/demo:completed',
    ]);
  });

  it('lists not-started pairs for every published course when that status is asked for', async () => {
    expect(await pairs({ status: 'not_started' })).toEqual([
      'bruno/rgpd:not_started',
      'chloe/rgpd:not_started',
      'damien/demo:not_started',
      'damien/rgpd:not_started',
      'fanny/demo:not_started',
      'hugo/rgpd:not_started',
    ]);
    expect(await pairs({ status: 'not_started', course: 'rgpd', structure: lilas })).toEqual([
      'chloe/rgpd:not_started',
      'damien/rgpd:not_started',
      'hugo/rgpd:not_started',
    ]);
  });

  it('counts a completion on its Paris day: 22:30 UTC on 30 June is 1 July', async () => {
    expect(await pairs({ from: '2026-07-01', to: '2026-07-01' })).toEqual(['chloe/demo:revoked']);
    expect(await pairs({ from: '2026-06-30', to: '2026-06-30' })).toEqual([]);
    expect(await pairs({ to: '2026-06-30' })).toEqual([
      'alice/ancien:completed',
      'alice/demo:completed',
      'fanny/rgpd:completed',
      'hugo/demo:completed',
    ]);
  });

  it('keeps only completed rows in a period, with no not-started pairs even for a course filter', async () => {
    expect(await pairs({ from: '2026-01-01', course: 'demo' })).toEqual([
      'alice/demo:completed',
      'chloe/demo:revoked',
      'hugo/demo:completed',
    ]);
    expect(await pairs({ from: '2026-01-01', status: 'in_progress' })).toEqual([]);
    expect(await pairs({ from: '2026-01-01', to: '2026-12-31', status: 'completed', structure: lilas })).toEqual([
      'hugo/demo:completed',
    ]);
  });

  it('lists one learner’s courses only', async () => {
    expect(await pairs({ userId: 'alice' })).toEqual([
      'alice/ancien:completed',
      'alice/demo:completed',
      'alice/rgpd:in_progress',
    ]);
  });

  it('sorts by name in French order, then by course, and by completion date with undated rows last', async () => {
    const byName = await list({ sort: 'name' });
    expect(byName.map((row) => `${row.name}/${row.course}`)).toEqual([
      'Alice Martin/Ancienne formation',
      'Alice Martin/Cours de démonstration',
      'Alice Martin/RGPD : les bases',
      'Bruno Petit/Cours de démonstration',
      'Chloé Lefèvre/Cours de démonstration',
      'Fanny Morel/RGPD : les bases',
      'Hugo Bernard/Cours de démonstration',
    ]);
    const newestFirst = await list({ sort: 'completedAt', dir: 'desc' });
    expect(newestFirst.map((row) => row.userId)).toEqual([
      'chloe',
      'hugo',
      'alice',
      'fanny',
      'alice',
      'alice',
      'bruno',
    ]);
    const oldestFirst = await list({ sort: 'completedAt', dir: 'asc' });
    expect(oldestFirst.map((row) => row.completedAt?.toISOString().slice(0, 10) ?? null)).toEqual([
      '2025-12-01',
      '2026-01-15',
      '2026-03-10',
      '2026-05-05',
      '2026-06-30',
      null,
      null,
    ]);
  });

  it('sorts by structure, course and status, ties by name, in both directions', async () => {
    const byStructure = await list({ sort: 'structure', dir: 'desc' });
    expect(byStructure.map((row) => row.userId)).toEqual([
      'chloe',
      'hugo',
      'alice',
      'alice',
      'alice',
      'bruno',
      'fanny',
    ]);
    const byStatus = await list({ sort: 'status' });
    expect(byStatus.map((row) => row.status)).toEqual([
      'in_progress',
      'in_progress',
      'completed',
      'completed',
      'completed',
      'completed',
      'revoked',
    ]);
    const byCourse = await list({ sort: 'course' });
    expect(byCourse.map((row) => row.course)).toEqual([
      'Ancienne formation',
      'Cours de démonstration',
      'Cours de démonstration',
      'Cours de démonstration',
      'Cours de démonstration',
      'RGPD : les bases',
      'RGPD : les bases',
    ]);
  });

  it('accepts the parsed GET parameters as they are', async () => {
    const filters = CompletionFilters.parse({ course: 'demo', structure: lilas, status: '', page: '2' });
    expect(await pairs(filters)).toEqual(['chloe/demo:revoked', 'damien/demo:not_started', 'hugo/demo:completed']);
  });
});
