// Append-only journal with group commit: one write+fdatasync in flight at a time; every record that
// arrives meanwhile goes into the next batch, so N concurrent transactions cost ~1 fsync, not N.
//
// Markers in the queue order things against records: a barrier resolves once every earlier record is
// durable; a rotation additionally switches later records to a new generation file (compaction).
//
// A failed write rejects its batch and everything queued behind it (those transactions may have read
// the failed state), after truncating the file back to the last durable byte so that no later write
// can resurrect part of it. `onFailure` receives the failed entries in order, synchronously, so the
// caller can undo them before any other transaction runs. If even the truncation fails, the journal
// is broken: every later write fails until the store is reopened.
import { StoreUnavailableError } from '../errors.ts';
import { storeFiles } from './store-files.ts';
import { type StoreFileHandle, type StoreFs, syncDir, writeAll } from './store-fs.ts';

interface Deferred {
  resolve(): void;
  reject(error: unknown): void;
}

type QueueItem<E> =
  | ({ kind: 'record'; bytes: Buffer; entry: E } & Deferred)
  | ({ kind: 'marker'; rotateTo: number | undefined } & Deferred);

export class Journal<E> {
  #queue: QueueItem<E>[] = [];
  #draining = false;
  #broken: StoreUnavailableError | undefined;
  #closed = false;

  private constructor(
    private readonly fs: StoreFs,
    private readonly dir: string,
    private handle: StoreFileHandle,
    private gen: number,
    private bytes: number,
    private readonly onFailure: (failed: E[]) => void,
  ) {}

  /**
   * Opens generation `generation` for appending (creating it if needed). `goodLength` is the end of
   * its last complete line: a torn tail beyond it is cut off before anything is appended.
   */
  static async open<E>(
    fs: StoreFs,
    dir: string,
    generation: number,
    goodLength: number,
    onFailure: (failed: E[]) => void,
  ): Promise<Journal<E>> {
    const handle = await openJournalFile(fs, dir, generation);
    try {
      if ((await handle.size()) > goodLength) {
        await handle.truncate(goodLength);
        await handle.sync();
      }
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
    return new Journal(fs, dir, handle, generation, goodLength, onFailure);
  }

  get generation(): number {
    return this.gen;
  }

  /** Durable bytes in the current generation. */
  get size(): number {
    return this.bytes;
  }

  get broken(): StoreUnavailableError | undefined {
    return this.#broken;
  }

  /** Resolves once `line` (newline-terminated) is on disk; rejects with StoreUnavailableError. */
  append(line: string, entry: E): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ kind: 'record', bytes: Buffer.from(line, 'utf8'), entry, resolve, reject });
      void this.#drain();
    });
  }

  /** Resolves once every record appended so far is durable; rejects if one of them failed. */
  barrier(): Promise<void> {
    if (this.#queue.length === 0 && !this.#draining) {
      return this.#broken ? Promise.reject(this.#broken) : Promise.resolve();
    }
    return this.#marker(undefined);
  }

  /**
   * Records appended from now on go to the next generation. `sealed` resolves once every earlier
   * record is durable and the new file exists; it rejects if an earlier record or the switch failed
   * (then the old generation stays current).
   */
  rotate(): { generation: number; sealed: Promise<void> } {
    const generation = this.gen + 1 + this.#queue.filter((item) => item.kind === 'marker' && item.rotateTo).length;
    return { generation, sealed: this.#marker(generation) };
  }

  /** Waits for queued writes, then closes the file. */
  async close(): Promise<void> {
    await this.barrier().catch(() => {});
    if (this.#closed) return;
    this.#closed = true;
    await this.handle.close();
  }

  #marker(rotateTo: number | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ kind: 'marker', rotateTo, resolve, reject });
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const head = this.#queue[0]!;
        if (head.kind === 'marker') {
          this.#queue.shift();
          await this.#passMarker(head);
          continue;
        }
        let end = 1;
        while (end < this.#queue.length && this.#queue[end]!.kind === 'record') end++;
        const batch = this.#queue.splice(0, end) as Extract<QueueItem<E>, { kind: 'record' }>[];
        await this.#writeBatch(batch);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #passMarker(marker: Extract<QueueItem<E>, { kind: 'marker' }>): Promise<void> {
    if (this.#broken) return marker.reject(this.#broken);
    if (marker.rotateTo === undefined) return marker.resolve();
    try {
      const next = await openJournalFile(this.fs, this.dir, marker.rotateTo);
      const size = await next.size().catch(async (error) => {
        await next.close().catch(() => {});
        throw error;
      });
      await syncDir(this.fs, this.dir);
      const previous = this.handle;
      this.handle = next;
      this.gen = marker.rotateTo;
      this.bytes = size;
      // The old generation is complete and durable; closing it cannot lose data.
      await previous.close().catch(() => {});
      marker.resolve();
    } catch (error) {
      // Later records simply stay in the current generation; only the compaction is abandoned.
      marker.reject(new StoreUnavailableError('nouveau journal impossible à créer', { cause: error }));
    }
  }

  async #writeBatch(batch: Extract<QueueItem<E>, { kind: 'record' }>[]): Promise<void> {
    const data = batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((item) => item.bytes));
    try {
      if (this.#broken) throw this.#broken;
      await writeAll(this.handle, data);
      await this.handle.datasync();
      this.bytes += data.length;
      for (const item of batch) item.resolve();
    } catch (error) {
      await this.#recover(batch, error);
    }
  }

  async #recover(batch: Extract<QueueItem<E>, { kind: 'record' }>[], cause: unknown): Promise<void> {
    if (!this.#broken) {
      try {
        await this.handle.truncate(this.bytes);
        await this.handle.datasync();
      } catch (truncateError) {
        this.#broken = new StoreUnavailableError(
          'le journal n’a pas pu être remis en état après un échec d’écriture ; redémarrez Passerelle',
          { cause: truncateError },
        );
      }
    }
    const error =
      cause instanceof StoreUnavailableError
        ? cause
        : new StoreUnavailableError('écriture du journal impossible', { cause });
    // Everything queued now was applied in memory after the failed batch: it fails with it.
    const rest = this.#queue.splice(0);
    const failed = [...batch, ...rest.filter((item) => item.kind === 'record')];
    try {
      this.onFailure(failed.map((item) => item.entry));
    } catch (rollbackError) {
      // Memory no longer matches the disk: refuse further writes rather than build on it.
      this.#broken ??= new StoreUnavailableError('annulation en mémoire impossible ; redémarrez Passerelle', {
        cause: rollbackError,
      });
    }
    for (const item of batch) item.reject(error);
    for (const item of rest) item.reject(error);
  }
}

async function openJournalFile(fs: StoreFs, dir: string, generation: number): Promise<StoreFileHandle> {
  return fs.open(storeFiles.journal(dir, generation), 'a');
}
