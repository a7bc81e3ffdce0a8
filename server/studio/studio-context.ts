import type { CatalogHolder } from '../catalog/catalog-holder.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { Cluster } from '../store/cluster/cluster.ts';
import { type StudioPaths, studioPaths } from './studio-paths.ts';
import type { CourseTreeSync } from './tree-sync/course-tree-sync.ts';
import { type StudioLock, sharedCourseLock, type TreeSyncDeps } from './tree-sync/shared-course-lock.ts';

export interface StudioDeps {
  catalogHolder: CatalogHolder;
  store: AppStore;
  clock: Clock;
  config: Config;
  cluster: Cluster;
  /** The course folders kept in the store when instances share PostgreSQL (noTreeSync otherwise). */
  trees: CourseTreeSync;
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
  /** One operation per course at a time, across instances; folders synchronised around it. */
  lock: StudioLock;
  /** What bringing folders up to date needs (tree-sync/). */
  sync: TreeSyncDeps;
  /** Deadline for checking a trainer's text in a worker (checkUntrustedCourse). */
  courseCheckTimeoutMs: number;
}

export function createStudioContext(deps: StudioDeps): StudioContext {
  const paths = studioPaths(deps.config);
  const sync = { cluster: deps.cluster, trees: deps.trees, catalog: deps.catalogHolder, paths, clock: deps.clock };
  return {
    paths,
    store: deps.store,
    clock: deps.clock,
    catalog: deps.catalogHolder,
    lock: sharedCourseLock(sync),
    sync,
    courseCheckTimeoutMs: deps.config.courseCheckTimeoutMs,
  };
}
