import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import type { SharedCounters } from '../store/cluster/cluster.ts';

/**
 * express-rate-limit's counters kept in the cluster's: with several instances behind one address, a
 * client's 30 attempts are counted once, wherever they land (the library's default store is per process).
 * `prefix` keeps each limiter's counts apart.
 */
export class SharedRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(
    private readonly counters: SharedCounters,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const count = await this.counters.add(this.keyOf(key), new Date(), { sinceFirstMs: this.windowMs });
    return { totalHits: count.count, resetTime: new Date(count.firstAt.getTime() + this.windowMs) };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.add(this.keyOf(key), new Date(), { sinceFirstMs: this.windowMs }, -1);
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.keyOf(key));
  }

  private keyOf(key: string): string {
    return `rate:${this.prefix}:${key}`;
  }
}
