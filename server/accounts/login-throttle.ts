/**
 * Counts failed sign-ins per account in memory (one process owns the data): after `maxFailures` within
 * the window, the account is refused until the window has passed, whatever the password.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  isLocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.maxFailures;
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}
