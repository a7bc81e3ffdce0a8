import type { Log } from '../../shared/log.ts';

export interface PollingLoopOptions {
  /** One pass over the outbox; resolves with the number of rows it handled. */
  pass: () => Promise<number>;
  /** The pause between two passes when the last one found less than a full batch. */
  pollMs: number;
  batchSize: number;
  log: Log;
  /** Names the worker in the log. */
  name: string;
}

/**
 * Runs an outbox worker's passes in the background, one at a time: at once again after a full batch,
 * after `pollMs` otherwise. `stop` waits for the pass in progress, so its outcomes are recorded.
 */
export class PollingLoop {
  readonly #o: PollingLoopOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #stopped = true;

  constructor(options: PollingLoopOptions) {
    this.#o = options;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => {});
  }

  /** One pass (or the one already running). */
  runOnce(): Promise<number> {
    this.#running ??= this.#o.pass().finally(() => {
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
        this.#o.log.warn({ err: error }, `${this.#o.name}: pass failed`);
      }
      this.#schedule(handled >= this.#o.batchSize ? 0 : this.#o.pollMs);
    }, ms);
    this.#timer.unref();
  }
}
