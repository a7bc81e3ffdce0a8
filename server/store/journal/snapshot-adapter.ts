// The snapshot is a lowdb JSON file, read and written through this custom lowdb adapter because
// lowdb's own (steno) neither fsyncs nor uses a unique temp name, and serialises in one blocking call.
// Here: one row per line, serialised in ~1 MiB chunks written as they fill (the event loop runs
// between chunks), then fsync of the temp file, rename, fsync of the directory.
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { StoreCorruptError } from '../errors.ts';
import { storeFiles } from './store-files.ts';
import { type StoreFs, syncDir, writeAll } from './store-fs.ts';

export interface SnapshotData {
  schemaVersion: number;
  /** Journals of this generation and later are replayed on top of this snapshot. */
  generation: number;
  /** `seq` of the last journal record folded into this snapshot. */
  seq: number;
  collections: Record<string, readonly unknown[]>;
}

const CHUNK_CHARS = 1 << 20;
const SYNC_EVERY_BYTES = 4 << 20;
const NO_SNAPSHOT: SnapshotData = Object.freeze({ schemaVersion: 0, generation: 0, seq: 0, collections: {} });

export class SnapshotAdapter implements Adapter<SnapshotData> {
  /** Size in bytes of the file last read or written. */
  bytes = 0;

  constructor(
    readonly file: string,
    private readonly fs: StoreFs,
  ) {}

  async read(): Promise<SnapshotData | null> {
    let content: Buffer;
    try {
      content = await this.fs.readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreCorruptError(this.file, `lecture impossible (${(error as Error).message})`, { cause: error });
    }
    this.bytes = content.length;
    if (content.length === 0) throw new StoreCorruptError(this.file, 'le fichier est vide');
    let value: unknown;
    try {
      value = JSON.parse(content.toString('utf8'));
    } catch (error) {
      throw new StoreCorruptError(this.file, `JSON invalide (${(error as Error).message})`);
    }
    return checkSnapshotShape(this.file, value);
  }

  async write(data: SnapshotData): Promise<void> {
    const temp = storeFiles.temp(this.file);
    const handle = await this.fs.open(temp, 'wx');
    let bytes = 0;
    try {
      let chunk = `{"schemaVersion":${data.schemaVersion},"generation":${data.generation},"seq":${data.seq},"collections":{`;
      let unsynced = 0;
      const flush = async () => {
        const buffer = Buffer.from(chunk, 'utf8');
        chunk = '';
        await writeAll(handle, buffer);
        bytes += buffer.length;
        unsynced += buffer.length;
        // Flushing as we go keeps the final fsync short: one 25 MB flush would stall the journal's
        // fsyncs (same disk) for its whole duration.
        if (unsynced >= SYNC_EVERY_BYTES) {
          unsynced = 0;
          await handle.datasync();
        }
      };
      let first = true;
      for (const [name, rows] of Object.entries(data.collections)) {
        chunk += `${first ? '' : ','}\n${JSON.stringify(name)}:[`;
        first = false;
        for (let i = 0; i < rows.length; i++) {
          chunk += `${i === 0 ? '\n' : ',\n'}${JSON.stringify(rows[i])}`;
          if (chunk.length >= CHUNK_CHARS) await flush();
        }
        chunk += '\n]';
      }
      chunk += '\n}}\n';
      await flush();
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => {});
      await this.fs.unlink(temp).catch(() => {});
      throw error;
    }
    try {
      await this.fs.rename(temp, this.file);
    } catch (error) {
      await this.fs.unlink(temp).catch(() => {});
      throw error;
    }
    await syncDir(this.fs, path.dirname(this.file));
    this.bytes = bytes;
  }
}

/** Reads a snapshot through lowdb; null when the file does not exist. */
export async function readSnapshot(fs: StoreFs, file: string): Promise<{ data: SnapshotData | null; bytes: number }> {
  const adapter = new SnapshotAdapter(file, fs);
  const db = new Low<SnapshotData>(adapter, NO_SNAPSHOT); // lowdb keeps the default when read() gives null
  await db.read();
  return { data: db.data === NO_SNAPSHOT ? null : db.data, bytes: adapter.bytes };
}

/** Durably replaces `file` with `data` through lowdb; returns the size written. */
export async function writeSnapshot(fs: StoreFs, file: string, data: SnapshotData): Promise<number> {
  const adapter = new SnapshotAdapter(file, fs);
  const db = new Low<SnapshotData>(adapter, data);
  await db.write();
  return adapter.bytes;
}

function checkSnapshotShape(file: string, value: unknown): SnapshotData {
  const data = value as Partial<SnapshotData> | null;
  const fail = (detail: string) => new StoreCorruptError(file, detail);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw fail('objet JSON attendu');
  if (!Number.isSafeInteger(data.schemaVersion) || (data.schemaVersion as number) < 1) {
    throw fail('« schemaVersion » absent ou invalide');
  }
  if (!Number.isSafeInteger(data.generation) || (data.generation as number) < 1) {
    throw fail('« generation » absent ou invalide');
  }
  if (!Number.isSafeInteger(data.seq) || (data.seq as number) < 0) throw fail('« seq » absent ou invalide');
  const collections = data.collections;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections)) {
    throw fail('« collections » doit être un objet');
  }
  for (const [name, rows] of Object.entries(collections)) {
    if (!Array.isArray(rows)) throw fail(`la collection « ${name} » doit être un tableau`);
  }
  return data as SnapshotData;
}
