import { randomUUID } from 'node:crypto';
import type { Log } from '../../shared/log.ts';

export interface OutboxWorkerLoop {
  /** The pause between two passes when the last one found less than a full batch. */
  pollMs: number;
  batchSize: number;
  log: Log;
  /** Names the worker in the log. */
  name: string;
}

/**
 * What every outbox worker does around its pass: runs passes in the background one at a time (at once
 * again after a full batch, after `pollMs` otherwise), and `stop` waits for the pass in progress so its
 * outcomes are recorded. A subclass claims with its `id` as lease owner and delivers in `pass`.
 */
export abstract class OutboxWorker {
  readonly id = randomUUID();
  readonly #loop: OutboxWorkerLoop;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #stopped = true;

  constructor(loop: OutboxWorkerLoop) {
    this.#loop = loop;
  }

  /** One pass: claims a batch and delivers it. Resolves with the number of rows handled. */
  protected abstract pass(): Promise<number>;

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops looking for work and waits for the batch being delivered, if any, to be recorded. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => {});
  }

  /** One pass (or the one already running). Resolves with the number of rows handled. */
  runOnce(): Promise<number> {
    this.#running ??= this.pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(async () => {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (error) {
        // The store may be unavailable for a while (a PostgreSQL restart): the next pass tries again.
        this.#loop.log.warn({ err: error }, `${this.#loop.name}: pass failed`);
      }
      this.#schedule(handled >= this.#loop.batchSize ? 0 : this.#loop.pollMs);
    }, ms);
    this.#timer.unref();
  }
}
