import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { parseCompletionFilters } from '../../../server/hr/completion-filters.ts';
import { completionsFromStore } from '../../../server/hr/completions-source.ts';
import { dashboardPage } from '../../../server/hr/dashboard-page.ts';
import { learnerPage } from '../../../server/hr/learner-page.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import { NotFoundError } from '../../../server/shared/errors.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { type View, viewOf } from '../../../server/structures/scope.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { lilas, nord, seedCompletions } from '../seed-completions.ts';

let dir: string;
let store: AppStore;
let catalog: Catalog;
let view: View;
const deps = () => ({
  store,
  catalog,
  view,
  completions: completionsFromStore(
    store,
    () => catalog,
    () => new Date('2026-11-23T09:00:00Z'),
  ),
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-hr-pages-'));
  store = await openAppStore(dir);
  await seedCompletions(store);
  catalog = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog;
  view = await viewOf(store, { id: 'admin', role: 'admin' }, ['admin']);
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the HR dashboard page', () => {
  it('lists the structures of every account for the filter, in French order', async () => {
    const page = await dashboardPage(parseCompletionFilters({}), deps());
    expect(page.structures.map((option) => option.code)).toEqual(['reseau', nord, lilas]);
  });

  it('offers an unpublished course still asked for by a bookmark, under its recorded title', async () => {
    const page = await dashboardPage(parseCompletionFilters({ course: 'ancien' }), deps());
    expect(page.courseOptions).toContainEqual({ value: 'ancien', label: 'Ancienne formation (plus publiée)' });
  });

  it('shows the last page for a page past the end, and totals over every filtered row', async () => {
    const page = await dashboardPage(parseCompletionFilters({ page: '7' }), deps());
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 7 });
    expect(page.summary.overall.enrolled).toBe(7);
  });

  it('builds export links that keep the filters but not the page, and a clear link only when filtered', async () => {
    const page = await dashboardPage(parseCompletionFilters({ structure: lilas, page: '2' }), deps());
    expect(page.exports.csv).toBe('/hr/exports/completions.csv?structure=Cr%C3%A8che+Les+Lilas');
    expect(page.hasFilters).toBe(true);
    expect((await dashboardPage(parseCompletionFilters({}), deps())).hasFilters).toBe(false);
  });
});

describe('the HR page of one learner', () => {
  it('gathers the courses, attempts and certificates, newest certificate first', async () => {
    const page = await learnerPage('hugo', deps());
    expect(page.title).toBe('Hugo Bernard — suivi des formations');
    expect(page.rows.map((row) => row.courseSlug)).toEqual(['demo']);
    expect(page.certificates.map((certificate) => certificate.id)[0]).toBe('cert-hugo-new');
  });

  it('does not exist for an unknown account', async () => {
    await expect(learnerPage('nobody', deps())).rejects.toBeInstanceOf(NotFoundError);
  });
});
