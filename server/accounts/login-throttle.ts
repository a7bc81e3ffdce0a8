/**
 * Slows down repeated failed sign-ins on one account from one client (its address as Express sees it,
 * with `trust proxy`). Once `failuresBeforeDelay` attempts have failed, each new attempt from that
 * client must wait a delay that doubles with every further failure, up to `maxDelayMs`. Keyed by
 * account and client together: whoever hammers an account only delays themselves, and the owner
 * signs in from their own device as usual. In memory: one process owns the data.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, { failures: number; lastFailureAt: number }>();

  constructor(
    private readonly failuresBeforeDelay = 5,
    private readonly firstDelayMs = 15_000,
    private readonly maxDelayMs = 15 * 60_000,
    /** Failures are forgotten after this long without a new one. */
    private readonly forgetAfterMs = 60 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** How long this client must wait before trying this account again; 0 when it may try now. */
  waitMs(account: string, client: string, now: number): number {
    const entry = this.current(keyOf(account, client), now);
    if (!entry) return 0;
    return Math.max(0, entry.lastFailureAt + this.delayAfter(entry.failures) - now);
  }

  /** Counts a failure; returns the wait it imposes on the next attempt. */
  fail(account: string, client: string, now: number): number {
    const key = keyOf(account, client);
    const failures = (this.current(key, now)?.failures ?? 0) + 1;
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) this.forgetOld(now);
    this.entries.set(key, { failures, lastFailureAt: now });
    return this.delayAfter(failures);
  }

  succeed(account: string, client: string): void {
    this.entries.delete(keyOf(account, client));
  }

  private delayAfter(failures: number): number {
    if (failures < this.failuresBeforeDelay) return 0;
    return Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (failures - this.failuresBeforeDelay));
  }

  private current(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt >= this.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private forgetOld(now: number): void {
    for (const [key, entry] of this.entries)
      if (now - entry.lastFailureAt >= this.forgetAfterMs) this.entries.delete(key);
  }
}

const keyOf = (account: string, client: string) => `${account}\n${client}`;
