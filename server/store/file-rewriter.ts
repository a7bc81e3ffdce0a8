import type { JournalStore } from './journal/journal-store.ts';
import type { Collections, Store } from './store.ts';

/**
 * For the embedded store, a function that rewrites its journal and snapshot from the rows in memory, so
 * that deleted or changed data no longer survives in the append-only files; undefined for PostgreSQL,
 * whose rows are changed in place.
 */
export function fileRewriter<C extends Collections>(store: Store<C>): (() => Promise<void>) | undefined {
  const journal = store as Partial<JournalStore<C>>;
  if (typeof journal.compact !== 'function') return undefined;
  // Twice: a compaction already running when asked hands back its own promise, and it captured the
  // rows before the change; the second one starts after it, from the current rows.
  return async () => {
    await journal.compact!.call(store);
    await journal.compact!.call(store);
  };
}
