import type { CatalogHolder } from '../catalog/catalog-holder.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import { KeyedLock } from '../shared/keyed-lock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { type StudioPaths, studioPaths } from './studio-paths.ts';

export interface StudioDeps {
  catalogHolder: CatalogHolder;
  store: AppStore;
  clock: Clock;
  config: Config;
}

/** Who does a studio action, as the history and the audit log name them. */
export interface Actor {
  id: string;
  name: string;
}

/** What every studio operation needs: the folders, the store, the live catalog and the per-course lock. */
export interface StudioContext {
  paths: StudioPaths;
  store: AppStore;
  clock: Clock;
  catalog: CatalogHolder;
  lock: KeyedLock;
  /** Deadline for checking a trainer's text in a worker (checkUntrustedCourse). */
  courseCheckTimeoutMs: number;
}

export function createStudioContext(deps: StudioDeps): StudioContext {
  return {
    paths: studioPaths(deps.config),
    store: deps.store,
    clock: deps.clock,
    catalog: deps.catalogHolder,
    lock: new KeyedLock(),
    courseCheckTimeoutMs: deps.config.courseCheckTimeoutMs,
  };
}
