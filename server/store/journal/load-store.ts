// Loads a data directory into memory without writing anything: snapshot, then every journal of its
// generation and later, in order. Every row is validated by its collection's zod schema. Data of an
// older schemaVersion is replayed raw, migrated, then validated. Any problem throws a named error
// naming the file; the caller writes nothing in that case, so a bad directory is never overwritten.
import path from 'node:path';
import { prettifyError } from 'zod';
import { deepFreeze } from '../deep-freeze.ts';
import { StoreCorruptError, StoreMigrationError, StoreVersionError } from '../errors.ts';
import { type Migrations, type RawCollections, runMigrations } from '../migrations.ts';
import type { Collections } from '../store.ts';
import { type JournalRecord, replayRaw } from './journal-record.ts';
import { lockLeftovers } from './lock-file.ts';
import { readJournals } from './read-journals.ts';
import { readSnapshot } from './snapshot-adapter.ts';
import { storeFiles } from './store-files.ts';
import type { StoreFs } from './store-fs.ts';
import { poolStrings } from './string-pool.ts';
import { type StoredRow, Tables } from './tables.ts';

export interface LoadedState {
  tables: Tables;
  /** Nothing on disk yet. */
  fresh: boolean;
  /** Set when the data was migrated in memory: a new snapshot must be written before anything else. */
  migratedFrom: number | undefined;
  snapshotGeneration: number;
  snapshotBytes: number;
  /** `seq` of the last record applied. */
  seq: number;
  /** The newest journal, undefined when none exists for the snapshot's generation yet. */
  lastJournal: { generation: number; goodLength: number; tornBytes: number } | undefined;
  /** Files no longer needed (journals folded into the snapshot, leftover temp files). */
  obsolete: string[];
}

interface LoadOptions {
  fs: StoreFs;
  dir: string;
  collections: Collections;
  schemaVersion: number;
  migrations: Migrations;
}

export async function loadStore({
  fs,
  dir,
  collections,
  schemaVersion,
  migrations,
}: LoadOptions): Promise<LoadedState> {
  const names = await fs.readdir(dir);
  const snapshotFile = storeFiles.snapshot(dir);
  const { data: snapshot, bytes: snapshotBytes } = await readSnapshot(fs, snapshotFile);
  const generations = storeFiles.journalGenerations(names);
  const obsolete = [
    ...names.filter((name) => name.startsWith('snapshot.json.') && storeFiles.isTemp(name)),
    ...lockLeftovers(names),
  ].map((name) => path.join(dir, name));

  if (!snapshot) {
    if (generations.length > 0) {
      throw new StoreCorruptError(snapshotFile, 'le fichier est absent alors que des journaux existent');
    }
    return {
      tables: new Tables(collections),
      fresh: true,
      migratedFrom: undefined,
      snapshotGeneration: 0,
      snapshotBytes: 0,
      seq: 0,
      lastJournal: undefined,
      obsolete,
    };
  }
  if (snapshot.schemaVersion > schemaVersion) {
    throw new StoreVersionError(snapshotFile, snapshot.schemaVersion, schemaVersion);
  }

  for (const gen of generations) {
    if (gen < snapshot.generation) obsolete.push(storeFiles.journal(dir, gen));
  }
  const live = generations.filter((gen) => gen >= snapshot.generation);
  live.forEach((gen, i) => {
    const expected = snapshot.generation + i;
    if (gen !== expected) {
      throw new StoreCorruptError(storeFiles.journal(dir, expected), 'journal manquant dans la séquence');
    }
  });

  const read = await readJournals(fs, dir, live, snapshot.seq);
  if ('missing' in read) throw new StoreCorruptError(read.missing, 'journal disparu pendant la lecture');
  const { journals, seq } = read;
  const newest = journals.at(-1);
  const lastJournal = newest && {
    generation: newest.generation,
    goodLength: newest.goodLength,
    tornBytes: newest.tornBytes,
  };

  const base = {
    fresh: false,
    snapshotGeneration: snapshot.generation,
    snapshotBytes,
    seq,
    lastJournal,
    obsolete,
  };
  if (snapshot.schemaVersion === schemaVersion) {
    return {
      ...base,
      tables: loadCurrent(snapshotFile, snapshot.collections, journals, collections),
      migratedFrom: undefined,
    };
  }
  const raw = replayRaw(
    snapshot.collections,
    journals.flatMap((journal) => journal.records),
  );
  const migrated = runMigrations(snapshotFile, raw, snapshot.schemaVersion, schemaVersion, migrations);
  return {
    ...base,
    tables: loadMigrated(snapshotFile, snapshot.schemaVersion, schemaVersion, migrated, collections),
    migratedFrom: snapshot.schemaVersion,
  };
}

function loadCurrent(
  snapshotFile: string,
  data: Record<string, readonly unknown[]>,
  journals: { file: string; records: JournalRecord[] }[],
  collections: Collections,
): Tables {
  const tables = new Tables(collections);
  const pool = new Map<string, string>();
  for (const [coll, rows] of Object.entries(data)) {
    if (!tables.has(coll)) throw new StoreCorruptError(snapshotFile, `collection inconnue « ${coll} »`);
    rows.forEach((value, i) => {
      const row = validate(
        collections,
        coll,
        value,
        (detail) => new StoreCorruptError(snapshotFile, `collection « ${coll} », élément ${i + 1} : ${detail}`),
        pool,
      );
      if (tables.set(coll, row)) {
        throw new StoreCorruptError(snapshotFile, `collection « ${coll} » : identifiant « ${row.id} » en double`);
      }
      // The parsed row is dropped as soon as its validated copy is stored: at 100k rows, keeping both
      // whole trees until the end of loading doubled the start-up peak of memory.
      (rows as unknown[])[i] = undefined;
    });
  }
  for (const { file, records } of journals) {
    records.forEach((record, index) => {
      const fail = (detail: string) => new StoreCorruptError(file, `ligne ${index + 1} : ${detail}`);
      for (const op of record.ops) {
        if (!tables.has(op.c)) throw fail(`collection inconnue « ${op.c} »`);
        if ('put' in op) tables.set(op.c, validate(collections, op.c, op.put, fail, pool));
        else tables.delete(op.c, op.del);
      }
    });
  }
  return tables;
}

function loadMigrated(
  snapshotFile: string,
  from: number,
  to: number,
  data: RawCollections,
  collections: Collections,
): Tables {
  const tables = new Tables(collections);
  const pool = new Map<string, string>();
  const fail = (detail: string) =>
    new StoreMigrationError(snapshotFile, from, `données invalides au schéma ${to} : ${detail}`);
  for (const [coll, rows] of Object.entries(data)) {
    if (!tables.has(coll)) throw fail(`collection inconnue « ${coll} »`);
    for (const value of rows) {
      const row = validate(collections, coll, value, (detail) => fail(`collection « ${coll} » : ${detail}`), pool);
      if (tables.set(coll, row)) throw fail(`collection « ${coll} » : identifiant « ${row.id} » en double`);
    }
  }
  return tables;
}

function validate(
  collections: Collections,
  coll: string,
  value: unknown,
  fail: (detail: string) => Error,
  pool: Map<string, string>,
): StoredRow {
  const result = collections[coll]!.schema.safeParse(value);
  if (!result.success) {
    const id = (value as { id?: unknown } | null)?.id;
    throw fail(`${typeof id === 'string' ? `id « ${id} » : ` : ''}${prettifyError(result.error)}`);
  }
  if (typeof result.data?.id !== 'string') throw fail('champ « id » (texte) manquant');
  return deepFreeze(poolStrings(result.data as StoredRow, pool));
}
