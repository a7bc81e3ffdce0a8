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
import { sameJson } from './same-json.ts';
import { readSnapshot } from './snapshot-adapter.ts';
import { openSnapshotStream, type SnapshotStream } from './snapshot-stream.ts';
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
  const snapshot = await openSnapshot(fs, snapshotFile);
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
  try {
    const { header } = snapshot;
    if (header.schemaVersion > schemaVersion) {
      throw new StoreVersionError(snapshotFile, header.schemaVersion, schemaVersion);
    }

    for (const gen of generations) {
      if (gen < header.generation) obsolete.push(storeFiles.journal(dir, gen));
    }
    const live = generations.filter((gen) => gen >= header.generation);
    live.forEach((gen, i) => {
      const expected = header.generation + i;
      if (gen !== expected) {
        throw new StoreCorruptError(storeFiles.journal(dir, expected), 'journal manquant dans la séquence');
      }
    });

    const read = await readJournals(fs, dir, live, header.seq);
    if ('missing' in read) throw new StoreCorruptError(read.missing, 'journal disparu pendant la lecture');
    const { journals, seq } = read;
    const newest = journals.at(-1);
    const lastJournal = newest && {
      generation: newest.generation,
      goodLength: newest.goodLength,
      tornBytes: newest.tornBytes,
    };

    const base = { fresh: false, snapshotGeneration: header.generation, seq, lastJournal, obsolete };
    if (header.schemaVersion === schemaVersion) {
      const tables = await loadCurrent(snapshotFile, snapshot, journals, collections);
      return { ...base, snapshotBytes: snapshot.bytes(), tables, migratedFrom: undefined };
    }
    const raw = replayRaw(
      await collectRows(snapshot),
      journals.flatMap((journal) => journal.records),
    );
    const migrated = runMigrations(snapshotFile, raw, header.schemaVersion, schemaVersion, migrations);
    return {
      ...base,
      snapshotBytes: snapshot.bytes(),
      tables: loadMigrated(snapshotFile, header.schemaVersion, schemaVersion, migrated, collections),
      migratedFrom: header.schemaVersion,
    };
  } finally {
    await snapshot.close();
  }
}

/** The snapshot row by row; a file whose header follows its rows (no writer of ours does that) is read whole. */
async function openSnapshot(fs: StoreFs, file: string): Promise<SnapshotStream | null> {
  const stream = await openSnapshotStream(fs, file);
  if (stream !== 'unordered') return stream;
  const { data, bytes } = await readSnapshot(fs, file);
  if (!data) return null;
  return {
    header: data,
    async *rows() {
      for (const [collection, rows] of Object.entries(data.collections)) {
        yield { collection };
        for (const [index, value] of rows.entries()) yield { collection, index, value };
      }
    },
    bytes: () => bytes,
    close: async () => {},
  };
}

/** Every row, by collection: what migrations work on. */
async function collectRows(snapshot: SnapshotStream): Promise<Record<string, unknown[]>> {
  const data: Record<string, unknown[]> = {};
  for await (const item of snapshot.rows()) {
    if ('value' in item) data[item.collection]!.push(item.value);
    else data[item.collection] ??= [];
  }
  return data;
}

async function loadCurrent(
  snapshotFile: string,
  snapshot: SnapshotStream,
  journals: { file: string; records: JournalRecord[] }[],
  collections: Collections,
): Promise<Tables> {
  const tables = new Tables(collections);
  const pool = new Map<string, string>();
  for await (const item of snapshot.rows()) {
    const coll = item.collection;
    if (!('value' in item)) {
      if (!tables.has(coll)) throw new StoreCorruptError(snapshotFile, `collection inconnue « ${coll} »`);
      continue;
    }
    const row = validate(
      collections,
      coll,
      item.value,
      (detail) => new StoreCorruptError(snapshotFile, `collection « ${coll} », élément ${item.index + 1} : ${detail}`),
      pool,
    );
    if (tables.set(coll, row)) {
      throw new StoreCorruptError(snapshotFile, `collection « ${coll} » : identifiant « ${row.id} » en double`);
    }
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
  const row = sameJson(value, result.data) ? value : result.data;
  return deepFreeze(poolStrings(row as StoredRow, pool));
}
