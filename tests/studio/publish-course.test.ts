import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogHolder } from '../../server/catalog/catalog-holder.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { ensureDraft } from '../../server/studio/ensure-draft.ts';
import { publishCourse } from '../../server/studio/publish-course.ts';
import { createStudioContext } from '../../server/studio/studio-context.ts';
import { testConfig } from '../helpers/test-config.ts';
import { createStudioTestApp, listTree, type StudioTestApp } from './studio-test-app.ts';

const opened: StudioTestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

describe('publishCourse', () => {
  it('rolls the published folder back when the version cannot be recorded', async () => {
    const t = await createStudioTestApp();
    opened.push(t);
    const { catalog } = await loadCatalog(t.coursesDir);
    const holder = new CatalogHolder(catalog);
    // A store whose writes fail (disk full, store closed): reads still work.
    const store = {
      findBy: (...args: Parameters<AppStore['findBy']>) => t.store.findBy(...args),
      get: (...args: Parameters<AppStore['get']>) => t.store.get(...args),
      all: (...args: Parameters<AppStore['all']>) => t.store.all(...args),
      transact: () => Promise.reject(new Error('disque plein')),
    } as unknown as AppStore;
    const ctx = createStudioContext({
      catalogHolder: holder,
      store,
      clock: t.now,
      config: testConfig({ coursesDir: t.coursesDir, dataDir: t.dataDir }),
    });
    const before = await listTree(t.coursesDir);
    const published = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
    const draft = await ensureDraft(ctx, 'demo');
    await writeFile(path.join(draft, '01-premier.md'), published.replace('Une autre idée.', 'Jamais publiée.'));

    await expect(publishCourse(ctx, 'demo', { id: 'u1', name: 'Formatrice' })).rejects.toThrow('disque plein');

    expect(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(published);
    expect(await listTree(t.coursesDir)).toEqual(before);
    expect(await readdir(t.coursesDir)).toEqual(['demo']);
    expect(holder.get().bySlug.get('demo')?.version).toBe(2);
    // The draft is kept, so nothing the trainer wrote is lost.
    expect(await readFile(path.join(draft, '01-premier.md'), 'utf8')).toContain('Jamais publiée.');
  });
});
