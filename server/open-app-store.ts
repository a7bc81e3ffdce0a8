import { collections, migrations, schemaVersion } from './collections.ts';
import type { AppStore } from './store/app-collections.ts';
import { openStore } from './store/open-store.ts';
import type { StoreFs } from './store/store-fs.ts';

/** Opens Passerelle's store in a data directory with the current schema. */
export function openAppStore(dir: string, options: { fs?: StoreFs } = {}): Promise<AppStore> {
  return openStore({ dir, collections, schemaVersion, migrations, fs: options.fs });
}
