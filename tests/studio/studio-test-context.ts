import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CatalogHolder } from '../../server/catalog/catalog-holder.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { openAppStore } from '../../server/open-app-store.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { localCluster } from '../../server/store/cluster/local-cluster.ts';
import { createStudioContext, type StudioContext } from '../../server/studio/studio-context.ts';
import { noTreeSync } from '../../server/studio/tree-sync/course-tree-sync.ts';
import { fixturesDir, testConfig } from '../helpers/test-config.ts';

export interface StudioTestContext {
  ctx: StudioContext;
  /** The real store (writes work even when `ctx.store` is a failing one). */
  store: AppStore;
  holder: CatalogHolder;
  coursesDir: string;
  draftsDir: string;
  dataDir: string;
}

export const trainer = { id: 'u-trainer', name: 'Formatrice' };

/**
 * The studio's use cases without HTTP: the valid fixture course published in a temp courses folder, a
 * temp data folder and store, a fixed clock. `wrapStore` swaps the store the use cases get (failures).
 */
export function openStudioContexts(): (options?: {
  wrapStore?: (store: AppStore) => AppStore;
}) => Promise<StudioTestContext> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return async (options = {}) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-studio-unit-'));
    const coursesDir = path.join(root, 'courses');
    const dataDir = path.join(root, 'data');
    await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(coursesDir, 'demo'), { recursive: true });
    await mkdir(dataDir);
    const store = await openAppStore(dataDir);
    cleanups.push(async () => {
      await store.close();
      await rm(root, { recursive: true, force: true });
    });
    const holder = new CatalogHolder((await loadCatalog(coursesDir)).catalog);
    const ctx = createStudioContext({
      catalogHolder: holder,
      store: options.wrapStore ? options.wrapStore(store) : store,
      clock: () => new Date('2026-11-23T09:00:00Z'),
      config: testConfig({ coursesDir, dataDir }),
      cluster: localCluster(),
      trees: noTreeSync,
    });
    return { ctx, store, holder, coursesDir, draftsDir: ctx.paths.draftsDir, dataDir };
  };
}
