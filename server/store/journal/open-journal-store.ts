// Opens a data directory as a journal-backed store: takes the lock, makes the folder owner-only,
// loads (and migrates) what is on disk without writing, starts a fresh directory with an empty
// snapshot, then opens the newest journal for appending. Anything that fails on the way releases
// what was taken and writes nothing more.
import path from 'node:path';
import type { Collections } from '../store.ts';
import { DurableStore, type Undo } from './durable-store.ts';
import { Journal } from './journal.ts';
import type { JournalStore, OpenJournalStoreOptions } from './journal-store.ts';
import { loadStore } from './load-store.ts';
import { acquireLock } from './lock-file.ts';
import { restrictToOwner } from './restrict-to-owner.ts';
import { writeSnapshot } from './snapshot-adapter.ts';
import { storeFiles } from './store-files.ts';
import { nodeStoreFs, syncDir } from './store-fs.ts';

export async function openJournalStore<C extends Collections>(
  options: OpenJournalStoreOptions<C>,
): Promise<JournalStore<C>> {
  const fs = options.fs ?? nodeStoreFs;
  const dir = path.resolve(options.dir);
  const { collections, schemaVersion } = options;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new Error(`schemaVersion doit être un entier ≥ 1 (reçu ${schemaVersion})`);
  }
  await fs.mkdir(dir);
  const lock = await acquireLock(fs, dir);
  let journal: Journal<Undo> | undefined;
  try {
    const loose = await restrictToOwner(fs, dir);
    if (loose) (options.onWarning ?? ((message) => console.warn(`[store] ${message}`)))(loose);
    const state = await loadStore({ fs, dir, collections, schemaVersion, migrations: options.migrations ?? {} });
    let snapshotBytes = state.snapshotBytes;
    let generation = state.lastJournal?.generation ?? state.snapshotGeneration;
    if (state.fresh) {
      await syncDir(fs, path.dirname(dir)).catch(() => {}); // the new directory's own entry
      generation = 1;
      const empty = Object.fromEntries(Object.keys(collections).map((name) => [name, []]));
      snapshotBytes = await writeSnapshot(fs, storeFiles.snapshot(dir), {
        schemaVersion,
        generation,
        seq: 0,
        collections: empty,
      });
    }
    let store: DurableStore<C> | undefined;
    journal = await Journal.open<Undo>(fs, dir, generation, state.lastJournal?.goodLength ?? 0, (failed) =>
      store?.rollback(failed),
    );
    await syncDir(fs, dir);
    store = new DurableStore<C>({
      ...options,
      fs,
      dir,
      tables: state.tables,
      journal,
      lock,
      seq: state.seq,
      snapshotBytes,
      oldestGeneration: state.snapshotGeneration || 1,
    });
    if (state.migratedFrom !== undefined) {
      // Journals hold records of the old shape: fold them into a snapshot of the new one first.
      await store.compact().catch(async (error) => {
        await store.close().catch(() => {});
        throw error;
      });
    }
    await Promise.all(state.obsolete.map((file) => fs.unlink(file).catch(() => {})));
    return store;
  } catch (error) {
    await journal?.close().catch(() => {});
    await lock.release().catch(() => {});
    throw error;
  }
}
