import { collections, migrations, schemaVersion } from './collections.ts';
import type { Log } from './shared/log.ts';
import type { AppCollections, AppStore } from './store/app-collections.ts';
import type { Cluster } from './store/cluster/cluster.ts';
import { localCluster } from './store/cluster/local-cluster.ts';
import type { JournalStore } from './store/journal/journal-store.ts';
import { openJournalStore } from './store/journal/open-journal-store.ts';
import type { StoreFs } from './store/journal/store-fs.ts';

export interface AppStoreOptions {
  fs?: StoreFs;
  /** Where the store's warnings (permissions tightened) and background failures go; default: the console. */
  log?: Pick<Log, 'warn' | 'error'>;
}

export type StoreKind = 'journal' | 'postgres';

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (several instances may share
 * it), otherwise the embedded journal in DATA_DIR — the default, with nothing to install.
 */
export async function openConfiguredStore(
  config: { databaseUrl?: string; dataDir: string },
  options: AppStoreOptions = {},
): Promise<{ store: AppStore; kind: StoreKind }> {
  if (config.databaseUrl) {
    // Imported only here: the embedded store's start never loads the PostgreSQL driver (decision 025).
    const { openPostgresStore } = await import('./store/postgres/open-postgres-store.ts');
    return {
      store: await openPostgresStore({ url: config.databaseUrl, collections, schemaVersion, migrations }),
      kind: 'postgres',
    };
  }
  return { store: await openAppStore(config.dataDir, options), kind: 'journal' };
}

/** What the instances share beside the store: in PostgreSQL with it, in memory for the embedded store. */
export async function openConfiguredCluster(config: { databaseUrl?: string }): Promise<Cluster> {
  if (!config.databaseUrl) return localCluster();
  const { openPostgresCluster } = await import('./store/cluster/postgres-cluster.ts');
  return openPostgresCluster(config.databaseUrl);
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
