import type { Catalog } from '../catalog/course.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { StudioLock } from '../studio/tree-sync/shared-course-lock.ts';

/** What the personal-data routes and use cases are built with. */
export interface PrivacyDeps {
  store: AppStore;
  config: Config;
  clock: Clock;
  getCatalog: () => Catalog;
  /**
   * Rewrites the store's files so that nothing erased survives in them (the embedded store's journal and
   * snapshot are append logs); absent for PostgreSQL, whose rows are updated in place.
   */
  rewriteStoreFiles?: () => Promise<void>;
  /** The names of every collection of the store, searched for traces of an erased person. */
  collections: readonly string[];
  /** The studio's drafts folder (text files searched for traces of an erased person). */
  draftsDir?: string;
  /** The studio's lock of a course, under which a draft is scrubbed (and shared with other instances). */
  draftLock?: StudioLock;
}
