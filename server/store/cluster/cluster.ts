// What several instances of Passerelle share beyond rows: mutual exclusion for long operations, counters
// for throttles and rate limits, and change signals. One process alone (the embedded store) keeps all
// three in memory (local-cluster.ts); instances sharing PostgreSQL keep them there (postgres-cluster.ts).
// Both pass tests/store/cluster-contract.ts.

/** A counter's state; `firstAt` is when it (re)started from 1, `lastAt` its latest change. */
export interface Count {
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/** When a counter starts again from zero instead of going on. */
export interface CountWindow {
  /** A fixed window: the count restarts once this long has passed since it started (rate limits). */
  sinceFirstMs?: number;
  /** Forgetting: the count restarts once this long has passed without a change (sign-in throttle). */
  sinceLastMs?: number;
}

export interface SharedCounters {
  /**
   * Adds `delta` (default 1) to `key` and returns the new state; the window decides when it restarts. A
   * count never goes below 0 (a rate limiter's decrement may come after its window ended).
   */
  add(key: string, now: Date, window: CountWindow, delta?: number): Promise<Count>;
  /** The state of `key`, or undefined when it has none (or it has expired under `window`). */
  read(key: string, now: Date, window: CountWindow): Promise<Count | undefined>;
  reset(key: string): Promise<void>;
}

export interface Cluster {
  readonly kind: 'local' | 'postgres';
  /** Runs `task` while no other task holding `key` runs, in this instance or any other. */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T>;
  readonly counters: SharedCounters;
  /** Tells every instance, this one included, that something under `topic` changed. */
  announce(topic: string, detail: string): Promise<void>;
  /**
   * Calls `onChange` for each announcement on `topic`. `onResync` runs whenever announcements may have
   * been missed (the connection that carries them was lost and is back): the listener checks everything.
   */
  listen(topic: string, onChange: (detail: string) => void, onResync?: () => void): Promise<void>;
  close(): Promise<void>;
}

/** Whether a count stored with `firstAt`/`lastAt` has run out at `now` under `window`. */
export function hasExpired(count: Pick<Count, 'firstAt' | 'lastAt'>, now: Date, window: CountWindow): boolean {
  const t = now.getTime();
  if (window.sinceFirstMs !== undefined && t - count.firstAt.getTime() >= window.sinceFirstMs) return true;
  if (window.sinceLastMs !== undefined && t - count.lastAt.getTime() >= window.sinceLastMs) return true;
  return false;
}
