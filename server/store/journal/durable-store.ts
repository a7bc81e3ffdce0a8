// The journal-backed Store. State lives in memory (Tables); a transaction's writes are applied in one
// synchronous step, appended to the journal as one line and acknowledged after fsync (group commit).
// When the journal outgrows the threshold, a compaction captures the rows (references to frozen rows,
// no copy), rotates to a fresh journal generation, and writes the snapshot in chunks while writes go on.
//
// Reads outside a transaction see every applied transaction, including ones whose fsync is still in
// flight (a few ms); if that fsync fails they are rolled back. Transactions that read such state while
// a failure happens are rejected too (the epoch check), so no acknowledged write builds on a lost one.
import path from 'node:path';
import { StoreUnavailableError, storeClosedError } from '../errors.ts';
import type { Collections, IndexValue, Row, RowChange, Tx } from '../store.ts';
import { backupStore, prepareBackupTarget, writeBackup } from './backup-store.ts';
import type { Journal } from './journal.ts';
import { encodeJournalRecord, type JournalOp } from './journal-record.ts';
import type { JournalStore, OpenJournalStoreOptions } from './journal-store.ts';
import type { LockFile } from './lock-file.ts';
import { writeSnapshot } from './snapshot-adapter.ts';
import { storeFiles } from './store-files.ts';
import { type StoreFs, syncDir } from './store-fs.ts';
import type { StoredRow, Tables } from './tables.ts';
import { Transaction } from './transaction.ts';

/** What the journal hands back on a failed write, so the store can undo it in memory. */
export interface Undo {
  seq: number;
  changes: { coll: string; id: string; previous: StoredRow | undefined }[];
}

export type DurableStoreInit<C extends Collections> = Pick<
  OpenJournalStoreOptions<C>,
  'collections' | 'schemaVersion' | 'compactAfterBytes' | 'onBackgroundError' | 'onCompacted'
> & {
  fs: StoreFs;
  dir: string;
  tables: Tables;
  journal: Journal<Undo>;
  lock: LockFile;
  /** `seq` of the last record loaded. */
  seq: number;
  snapshotBytes: number;
  oldestGeneration: number;
};

const DEFAULT_COMPACT_BYTES = 16 * 1024 * 1024;
// A transaction's fn running this long is most likely waiting for itself (transact() called inside
// fn): say so, since every later transaction is stuck behind it. (AsyncLocalStorage could refuse the
// nested call outright, but on Node 20 it slows every promise in the process by ~15 %.)
const STUCK_TRANSACTION_MS = 10_000;
const COMPACTION_RETRY_MS = 10_000;

export class DurableStore<C extends Collections> implements JournalStore<C> {
  readonly #fs: StoreFs;
  readonly #dir: string;
  readonly #collections: C;
  readonly #schemaVersion: number;
  readonly #tables: Tables;
  readonly #journal: Journal<Undo>;
  readonly #lock: LockFile;
  readonly #compactAfterBytes: number | undefined;
  readonly #onBackgroundError: (error: unknown) => void;
  readonly #onCompacted: OpenJournalStoreOptions<C>['onCompacted'];
  #nextSeq: number;
  #snapshotBytes: number;
  #oldestGeneration: number;
  /** Bumped on every rollback: a transaction that spans one may have read rolled-back rows. */
  #epoch = 0;
  #txTail: Promise<unknown> = Promise.resolve();
  #compaction: Promise<void> | undefined;
  #compactionRetryAt = 0;
  #closing: Promise<void> | undefined;
  #fnStartedAt: number | undefined;
  readonly #watchdog: NodeJS.Timeout;

  constructor(init: DurableStoreInit<C>) {
    this.#fs = init.fs;
    this.#dir = init.dir;
    this.#collections = init.collections;
    this.#schemaVersion = init.schemaVersion;
    this.#tables = init.tables;
    this.#journal = init.journal;
    this.#lock = init.lock;
    this.#nextSeq = init.seq + 1;
    this.#snapshotBytes = init.snapshotBytes;
    this.#oldestGeneration = init.oldestGeneration;
    this.#compactAfterBytes = init.compactAfterBytes;
    this.#onBackgroundError = init.onBackgroundError ?? ((error) => console.error('[store]', error));
    this.#onCompacted = init.onCompacted;
    this.#watchdog = setInterval(() => {
      if (this.#fnStartedAt !== undefined && performance.now() - this.#fnStartedAt > STUCK_TRANSACTION_MS) {
        this.#onBackgroundError(
          new Error(
            'Une transaction dure depuis plus de 10 s et bloque les suivantes : ' +
              'transact() appelé à l’intérieur d’une transaction, ou une attente sans fin dans sa fonction ?',
          ),
        );
      }
    }, STUCK_TRANSACTION_MS / 2).unref();
  }

  watch(listener: (change: RowChange) => void): () => void {
    return this.#tables.watch(listener);
  }

  async get<K extends keyof C & string>(coll: K, id: string): Promise<Row<C, K> | undefined> {
    this.#assertOpen();
    return this.#tables.get(coll, id) as Row<C, K> | undefined;
  }

  async findBy<K extends keyof C & string>(coll: K, field: string, value: IndexValue): Promise<Row<C, K>[]> {
    this.#assertOpen();
    return this.#tables.findBy(coll, field, value) as Row<C, K>[];
  }

  all<K extends keyof C & string>(coll: K): AsyncIterable<Row<C, K>> {
    this.#assertOpen();
    const rows = this.#tables.list(coll) as Row<C, K>[];
    return (async function* () {
      yield* rows;
    })();
  }

  async count<K extends keyof C & string>(coll: K): Promise<number> {
    this.#assertOpen();
    return this.#tables.count(coll);
  }

  async transact<R>(fn: (tx: Tx<C>) => R | Promise<R>): Promise<R> {
    this.#assertOpen();
    const run = async () => {
      const epoch = this.#epoch;
      const tx = new Transaction(this.#tables, this.#collections);
      let result: R;
      try {
        this.#fnStartedAt = performance.now();
        result = await fn(tx as unknown as Tx<C>);
      } finally {
        this.#fnStartedAt = undefined;
        tx.end();
      }
      if (epoch !== this.#epoch) {
        throw new StoreUnavailableError('une écriture concurrente a échoué pendant cette transaction');
      }
      const durable = this.#commit(tx);
      durable.catch(() => {}); // awaited below, after the next transaction is let in
      return { result, durable };
    };
    const step = this.#txTail.then(run);
    this.#txTail = step.catch(() => {});
    const { result, durable } = await step;
    await durable;
    return result;
  }

  async backup(targetDir: string): Promise<void> {
    this.#assertOpen();
    const target = path.resolve(targetDir);
    await prepareBackupTarget(this.#fs, this.#dir, target);
    for (let attempt = 0; attempt < 3; attempt++) {
      const collections = this.#tables.capture();
      const seq = this.#nextSeq - 1;
      try {
        // What was captured may not be durable yet; if it fails it is rolled back: capture again.
        await this.#journal.barrier();
      } catch {
        continue;
      }
      await writeBackup(this.#fs, target, { schemaVersion: this.#schemaVersion, generation: 1, seq, collections });
      return;
    }
    // The journal keeps failing: fall back to what is on disk.
    await backupStore(this.#dir, target, { fs: this.#fs });
  }

  compact(): Promise<void> {
    if (this.#closing) return Promise.reject(storeClosedError());
    this.#compaction ??= this.#runCompaction().finally(() => {
      this.#compaction = undefined;
    });
    return this.#compaction;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#txTail;
      clearInterval(this.#watchdog);
      await this.#compaction?.catch(() => {});
      await this.#journal.close();
      await this.#lock.release();
    })();
    return this.#closing;
  }

  /** Called by the journal, synchronously, with the failed records in order: undo them newest first. */
  rollback(failed: Undo[]): void {
    for (let i = failed.length - 1; i >= 0; i--) {
      const { changes } = failed[i]!;
      for (let j = changes.length - 1; j >= 0; j--) {
        const { coll, id, previous } = changes[j]!;
        if (previous) this.#tables.set(coll, previous);
        else this.#tables.delete(coll, id);
      }
    }
    if (failed[0]) this.#nextSeq = failed[0].seq;
    this.#epoch++;
  }

  #commit(tx: Transaction): Promise<void> {
    const broken = this.#journal.broken;
    if (broken) throw broken;
    const ops: JournalOp[] = [];
    const effective = [];
    for (const write of tx.writes.values()) {
      if (write.row) ops.push({ c: write.coll, put: write.row });
      else if (this.#tables.get(write.coll, write.id)) ops.push({ c: write.coll, del: write.id });
      else continue;
      effective.push(write);
    }
    if (ops.length === 0) return this.#journal.barrier();
    const seq = this.#nextSeq;
    // Encode before touching memory: if a row cannot be serialised, nothing has been applied.
    const line = encodeJournalRecord({ seq, ops });
    this.#nextSeq++;
    const changes = effective.map(({ coll, id, row }) => ({
      coll,
      id,
      previous: row ? this.#tables.set(coll, row) : this.#tables.delete(coll, id),
    }));
    return this.#journal.append(line, { seq, changes }).then(() => this.#maybeCompact());
  }

  #maybeCompact(): void {
    if (this.#compaction || this.#closing || Date.now() < this.#compactionRetryAt) return;
    const threshold = this.#compactAfterBytes ?? Math.max(DEFAULT_COMPACT_BYTES, this.#snapshotBytes);
    if (this.#journal.size < threshold) return;
    this.compact().catch(this.#onBackgroundError);
  }

  async #runCompaction(): Promise<void> {
    const started = performance.now();
    // Capture and rotation happen in the same synchronous step: the capture holds exactly the
    // records routed to generations before `generation`.
    const collections = this.#tables.capture();
    const seq = this.#nextSeq - 1;
    const { generation, sealed } = this.#journal.rotate();
    try {
      await sealed; // rejects if a captured record failed (it was rolled back): abandon this snapshot
      this.#snapshotBytes = await writeSnapshot(this.#fs, storeFiles.snapshot(this.#dir), {
        schemaVersion: this.#schemaVersion,
        generation,
        seq,
        collections,
      });
    } catch (error) {
      this.#compactionRetryAt = Date.now() + COMPACTION_RETRY_MS;
      throw error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError('compaction du journal impossible', { cause: error });
    }
    for (let gen = this.#oldestGeneration; gen < generation; gen++) {
      await this.#fs.unlink(storeFiles.journal(this.#dir, gen)).catch(() => {});
    }
    this.#oldestGeneration = generation;
    await syncDir(this.#fs, this.#dir).catch(() => {});
    this.#onCompacted?.({ generation, bytes: this.#snapshotBytes, ms: performance.now() - started });
  }

  #assertOpen(): void {
    if (this.#closing) throw storeClosedError();
  }
}
