import { EventEmitter } from 'node:events';
import { KeyedLock } from '../../shared/keyed-lock.ts';
import { type Cluster, type Count, type CountWindow, hasExpired, type SharedCounters } from './cluster.ts';

/** At most this many counters in memory: past it, expired ones are dropped, then the oldest. */
const maxCounters = 10_000;

/** One process owns everything: a keyed lock, a map of counters, an event emitter. */
export function localCluster(): Cluster {
  const lock = new KeyedLock();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    kind: 'local',
    exclusive: (key, task) => lock.run(key, task),
    counters: new LocalCounters(),
    announce: async (topic, detail) => {
      events.emit(topic, detail);
    },
    listen: async (topic, onChange) => {
      events.on(topic, onChange);
    },
    close: async () => {
      events.removeAllListeners();
    },
  };
}

class LocalCounters implements SharedCounters {
  private readonly counts = new Map<string, Count>();

  async add(key: string, now: Date, window: CountWindow, delta = 1): Promise<Count> {
    const current = this.current(key, now, window);
    if (!current && this.counts.size >= maxCounters) this.makeRoom(now, window);
    const next = current
      ? { count: Math.max(0, current.count + delta), firstAt: current.firstAt, lastAt: now }
      : { count: Math.max(0, delta), firstAt: now, lastAt: now };
    this.counts.set(key, next);
    return { ...next };
  }

  async read(key: string, now: Date, window: CountWindow): Promise<Count | undefined> {
    const current = this.current(key, now, window);
    return current && { ...current };
  }

  async reset(key: string): Promise<void> {
    this.counts.delete(key);
  }

  private current(key: string, now: Date, window: CountWindow): Count | undefined {
    const count = this.counts.get(key);
    if (count && hasExpired(count, now, window)) {
      this.counts.delete(key);
      return undefined;
    }
    return count;
  }

  private makeRoom(now: Date, window: CountWindow): void {
    for (const [key, count] of this.counts) if (hasExpired(count, now, window)) this.counts.delete(key);
    // Still full: drop the oldest entries (a Map iterates in insertion order).
    for (const key of this.counts.keys()) {
      if (this.counts.size < maxCounters) break;
      this.counts.delete(key);
    }
  }
}
