import { collections, migrations, schemaVersion } from './collections.ts';
import type { AppCollections, AppStore } from './store/app-collections.ts';
import type { JournalStore } from './store/journal/journal-store.ts';
import { openJournalStore } from './store/journal/open-journal-store.ts';
import type { StoreFs } from './store/journal/store-fs.ts';

/** Opens Passerelle's store in a data directory with the current schema. */
export function openAppStore(dir: string, options: { fs?: StoreFs } = {}): Promise<AppStore> {
  return openAppJournalStore(dir, options);
}

/** The same store with its journal-only operations (compact, backup), for tools such as the bench seed. */
export function openAppJournalStore(
  dir: string,
  options: { fs?: StoreFs } = {},
): Promise<JournalStore<AppCollections>> {
  return openJournalStore({ dir, collections, schemaVersion, migrations, fs: options.fs });
}
