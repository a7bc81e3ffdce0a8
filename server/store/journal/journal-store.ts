// The journal-backed store adds what only a store made of files has: compacting its journal into a
// snapshot, and copying itself to a backup folder. The server never calls them; tools and tests do.
import type { Migrations } from '../migrations.ts';
import type { Collections, Store } from '../store.ts';
import type { StoreFs } from './store-fs.ts';

export interface JournalStore<C extends Collections> extends Store<C> {
  /** Writes a self-contained copy (one snapshot) of the durable state into `targetDir`. */
  backup(targetDir: string): Promise<void>;
  /** Folds the journal into a new snapshot now (it also happens by itself when the journal grows). */
  compact(): Promise<void>;
}

export interface OpenJournalStoreOptions<C extends Collections> {
  dir: string;
  collections: C;
  /** Version of the data shape these schemas describe; older data is migrated on open. */
  schemaVersion: number;
  migrations?: Migrations;
  /**
   * Journal size that triggers a compaction. Default: the larger of 16 MiB and the snapshot's size,
   * so the cost of rewriting the snapshot stays proportional to what was written since.
   */
  compactAfterBytes?: number;
  /** File operations, injectable to simulate a full disk or I/O errors in tests. */
  fs?: StoreFs;
  /** Something the operator should know, in French (permissions tightened at open). Default: console.warn. */
  onWarning?: (message: string) => void;
  /** Failures of background compactions (writes keep working; it is retried later). */
  onBackgroundError?: (error: unknown) => void;
  onCompacted?: (info: { generation: number; bytes: number; ms: number }) => void;
}
