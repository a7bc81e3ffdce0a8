import { createHash } from 'node:crypto';
import type { SharedCounters } from '../store/cluster/cluster.ts';
import { localCluster } from '../store/cluster/local-cluster.ts';

export interface LoginThrottleOptions {
  failuresBeforeDelay?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Failures are forgotten after this long without a new one. */
  forgetAfterMs?: number;
}

/**
 * Slows down repeated failed sign-ins on one account from one client (its address as Express sees it,
 * with `trust proxy`). Once `failuresBeforeDelay` attempts have failed, each new attempt from that
 * client must wait a delay that doubles with every further failure, up to `maxDelayMs`. Keyed by
 * account and client together: whoever hammers an account only delays themselves, and the owner
 * signs in from their own device as usual. The counts live in the cluster's counters, so every
 * instance sees the same failures; the key is a hash, so the counters hold no e-mail or address.
 */
export class LoginThrottle {
  private readonly failuresBeforeDelay: number;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly window: { sinceLastMs: number };

  constructor(
    private readonly counters: SharedCounters = localCluster().counters,
    options: LoginThrottleOptions = {},
  ) {
    this.failuresBeforeDelay = options.failuresBeforeDelay ?? 5;
    this.firstDelayMs = options.firstDelayMs ?? 15_000;
    this.maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
    this.window = { sinceLastMs: options.forgetAfterMs ?? 60 * 60_000 };
  }

  /** How long this client must wait before trying this account again; 0 when it may try now. */
  async waitMs(account: string, client: string, now: number): Promise<number> {
    const entry = await this.counters.read(keyOf(account, client), new Date(now), this.window);
    if (!entry) return 0;
    return Math.max(0, entry.lastAt.getTime() + this.delayAfter(entry.count) - now);
  }

  /** Counts a failure; returns the wait it imposes on the next attempt. */
  async fail(account: string, client: string, now: number): Promise<number> {
    const entry = await this.counters.add(keyOf(account, client), new Date(now), this.window);
    return this.delayAfter(entry.count);
  }

  async succeed(account: string, client: string): Promise<void> {
    await this.counters.reset(keyOf(account, client));
  }

  private delayAfter(failures: number): number {
    if (failures < this.failuresBeforeDelay) return 0;
    return Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (failures - this.failuresBeforeDelay));
  }
}

const keyOf = (account: string, client: string) =>
  `sign-in:${createHash('sha256').update(`${account}\n${client}`).digest('base64url')}`;
