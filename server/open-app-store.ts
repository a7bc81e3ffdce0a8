import { collections, migrations, schemaVersion } from './collections.ts';
import type { Log } from './shared/log.ts';
import type { AppCollections, AppStore } from './store/app-collections.ts';
import type { JournalStore } from './store/journal/journal-store.ts';
import { openJournalStore } from './store/journal/open-journal-store.ts';
import type { StoreFs } from './store/journal/store-fs.ts';

export interface AppStoreOptions {
  fs?: StoreFs;
  /** Where the store's warnings (permissions tightened) and background failures go; default: the console. */
  log?: Pick<Log, 'warn' | 'error'>;
}

/** Opens Passerelle's store in a data directory with the current schema. */
export function openAppStore(dir: string, options: AppStoreOptions = {}): Promise<AppStore> {
  return openAppJournalStore(dir, options);
}

/** The same store with its journal-only operations (compact, backup), for tools such as the bench seed. */
export function openAppJournalStore(dir: string, options: AppStoreOptions = {}): Promise<JournalStore<AppCollections>> {
  const { fs, log } = options;
  return openJournalStore({
    dir,
    collections,
    schemaVersion,
    migrations,
    fs,
    onWarning: log && ((message) => log.warn(message)),
    onBackgroundError: log && ((err) => log.error({ err }, 'store: background compaction failed')),
  });
}
