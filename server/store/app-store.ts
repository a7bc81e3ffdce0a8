import { openStore } from './open-store.ts';
import { type AppCollections, collections, schemaVersion } from './schema.ts';
import type { Store } from './store.ts';
import type { StoreFs } from './store-fs.ts';

export type AppStore = Store<AppCollections>;

/** Opens Passerelle's store in a data directory with the current schema. */
export function openAppStore(dir: string, options: { fs?: StoreFs } = {}): Promise<AppStore> {
  return openStore({ dir, collections, schemaVersion, fs: options.fs });
}
