// Consistent backup of a data directory while its server keeps running, without taking the lock.
// It relies on three facts of the store's file protocol:
//   - the snapshot is only ever replaced by rename, so reading it gives one complete version;
//   - a journal generation is sealed (never appended again) before the next one is created, so
//     every journal except the newest is complete, and the newest gives a prefix of its history;
//   - a compaction deletes journals only after the snapshot replacing them is in place.
// So: read the snapshot (generation G), list the directory, read journals G, G+1, … in order.
// If journal G is gone or the sequence has a hole, a compaction raced us: start again.
// The result is folded into one self-contained snapshot in the target, read back to verify.
import path from 'node:path';
import { StoreBackupError, StoreCorruptError } from '../errors.ts';
import { replayRaw } from './journal-record.ts';
import { readJournals } from './read-journals.ts';
import { readSnapshot, type SnapshotData, writeSnapshot } from './snapshot-adapter.ts';
import { storeFiles } from './store-files.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';

export interface BackupResult {
  /** Sequence number of the last transaction in the backup. */
  seq: number;
  rows: number;
  attempts: number;
}

export async function backupStore(
  dataDir: string,
  targetDir: string,
  options: { fs?: StoreFs; attempts?: number } = {},
): Promise<BackupResult> {
  const fs = options.fs ?? nodeStoreFs;
  const source = path.resolve(dataDir);
  const target = path.resolve(targetDir);
  const attempts = options.attempts ?? 10;
  await prepareBackupTarget(fs, source, target);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const data = await readConsistentState(fs, source);
    if (!data) continue;
    const rows = await writeBackup(fs, target, data);
    return { seq: data.seq, rows, attempts: attempt };
  }
  throw new StoreBackupError(target, `le magasin ${source} a été compacté pendant chacune des ${attempts} tentatives`);
}

/** Creates the target directory; refuses one that already holds store files (they would mix). */
export async function prepareBackupTarget(fs: StoreFs, source: string, target: string): Promise<void> {
  if (source === target) throw new StoreBackupError(target, 'la cible est le dossier de données lui-même');
  await fs.mkdir(target);
  const names = await fs.readdir(target);
  const clash = names.find(
    (name) => name === 'snapshot.json' || name === 'store.lock' || storeFiles.journalGeneration(name) !== undefined,
  );
  if (clash) {
    throw new StoreBackupError(target, `le dossier contient déjà « ${clash} » ; choisissez un dossier vide ou nouveau`);
  }
}

/** Writes `data` as the target's snapshot (generation 1, no journal), then reads it back. */
export async function writeBackup(fs: StoreFs, target: string, data: SnapshotData): Promise<number> {
  const file = storeFiles.snapshot(target);
  await writeSnapshot(fs, file, { ...data, generation: 1 });
  const { data: written } = await readSnapshot(fs, file);
  const rows = (snapshot: SnapshotData) => Object.values(snapshot.collections).reduce((n, r) => n + r.length, 0);
  if (!written || written.seq !== data.seq || rows(written) !== rows(data)) {
    throw new StoreBackupError(target, 'la relecture de la sauvegarde ne correspond pas à ce qui a été écrit');
  }
  return rows(written);
}

async function readConsistentState(fs: StoreFs, dir: string): Promise<SnapshotData | undefined> {
  const snapshotFile = storeFiles.snapshot(dir);
  const { data: snapshot } = await readSnapshot(fs, snapshotFile);
  if (!snapshot) throw new StoreCorruptError(snapshotFile, 'fichier absent : ce dossier ne contient pas de magasin');
  const generations = storeFiles.journalGenerations(await fs.readdir(dir)).filter((gen) => gen >= snapshot.generation);
  if (generations.some((gen, i) => gen !== snapshot.generation + i)) return undefined;

  // The newest journal may be mid-append: its incomplete last line is left out.
  const read = await readJournals(fs, dir, generations, snapshot.seq);
  if ('missing' in read) return undefined;
  return {
    schemaVersion: snapshot.schemaVersion,
    generation: 1,
    seq: read.seq,
    collections: replayRaw(
      snapshot.collections,
      read.journals.flatMap((journal) => journal.records),
    ),
  };
}
