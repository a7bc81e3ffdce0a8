import postgres, { type Sql } from 'postgres';
import { KeyedLock } from '../../shared/keyed-lock.ts';
import { type Cluster, type Count, type CountWindow, hasExpired, type SharedCounters } from './cluster.ts';

/** Serialises the creation of the cluster's table between instances starting together. */
const setupLock = 0x7061736c75;
/** Counters untouched for this long are deleted (longer than any window the app uses). */
const keepCountersMs = 24 * 60 * 60_000;

/**
 * The cluster on PostgreSQL: session advisory locks for `exclusive` (released by the server if an instance
 * dies holding one), an upsert per counter change (atomic, no retry loop), LISTEN/NOTIFY for signals.
 * Its own small pool, apart from the store's, so a long studio operation holding a lock never starves
 * the requests' transactions.
 */
export async function openPostgresCluster(url: string): Promise<Cluster> {
  const sql = postgres(url, { max: 6, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${setupLock})`;
      await tx`create table if not exists passerelle_counters (
        key text primary key, count integer not null, first_at timestamptz not null, last_at timestamptz not null)`;
    });
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  const local = new KeyedLock();
  return {
    kind: 'postgres',
    // The local lock first: waiters of this instance queue in memory, not on connections.
    exclusive: (key, task) => local.run(key, () => advisoryLocked(sql, key, task)),
    counters: new PostgresCounters(sql),
    announce: async (topic, detail) => {
      await sql`select pg_notify(${channelOf(topic)}, ${detail})`;
    },
    listen: async (topic, onChange, onResync) => {
      let connected = false;
      await sql.listen(channelOf(topic), onChange, () => {
        // Called on every (re)connection of the listening connection: after the first, signals may be lost.
        if (connected) onResync?.();
        connected = true;
      });
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

async function advisoryLocked<T>(sql: Sql, key: string, task: () => Promise<T>): Promise<T> {
  const connection = await sql.reserve();
  try {
    await connection`select pg_advisory_lock(hashtextextended(${key}, 0))`;
    try {
      return await task();
    } finally {
      await connection`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
    }
  } finally {
    connection.release();
  }
}

/** Channel names are identifiers: one prefix, and only letters, digits and underscores after it. */
const channelOf = (topic: string) => `passerelle_${topic.replace(/[^a-z0-9_]/gi, '_')}`.slice(0, 63);

class PostgresCounters implements SharedCounters {
  private changes = 0;

  constructor(private readonly sql: Sql) {}

  async add(key: string, now: Date, window: CountWindow, delta = 1): Promise<Count> {
    const first = window.sinceFirstMs ?? null;
    const last = window.sinceLastMs ?? null;
    const expired = this
      .sql`(${first}::float8 is not null and extract(epoch from excluded.last_at - c.first_at) * 1000 >= ${first}::float8)
      or (${last}::float8 is not null and extract(epoch from excluded.last_at - c.last_at) * 1000 >= ${last}::float8)`;
    const [row] = await this.sql<{ count: number; first_at: Date; last_at: Date }[]>`
      insert into passerelle_counters as c (key, count, first_at, last_at) values (${key}, greatest(0, ${delta}::int), ${now}, ${now})
      on conflict (key) do update set
        count = case when ${expired} then excluded.count else greatest(0, c.count + ${delta}::int) end,
        first_at = case when ${expired} then excluded.first_at else c.first_at end,
        last_at = excluded.last_at
      returning count, first_at, last_at`;
    if (!row) throw new Error('upsert returned no row');
    if (++this.changes % 500 === 0) await this.forgetOld(now);
    return { count: row.count, firstAt: row.first_at, lastAt: row.last_at };
  }

  async read(key: string, now: Date, window: CountWindow): Promise<Count | undefined> {
    const [row] = await this.sql`select count, first_at, last_at from passerelle_counters where key = ${key}`;
    if (!row) return undefined;
    const count = { count: row.count, firstAt: row.first_at, lastAt: row.last_at };
    return hasExpired(count, now, window) ? undefined : count;
  }

  async reset(key: string): Promise<void> {
    await this.sql`delete from passerelle_counters where key = ${key}`;
  }

  private async forgetOld(now: Date): Promise<void> {
    await this.sql`delete from passerelle_counters where last_at < ${new Date(now.getTime() - keepCountersMs)}`;
  }
}
