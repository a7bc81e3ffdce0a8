// The cluster's contract, on one process (local) and on PostgreSQL with two clusters standing for two
// instances: what one holds, counts or announces, the other sees.

import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../server/store/cluster/cluster.ts';
import { localCluster } from '../../server/store/cluster/local-cluster.ts';
import { openPostgresCluster } from '../../server/store/cluster/postgres-cluster.ts';
import { createTestDatabase, databaseUrl, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, seconds));
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 20));

function clusterContract(name: string, open: () => Promise<[Cluster, Cluster]>) {
  describe(`${name}: the cluster contract`, () => {
    let a: Cluster;
    let b: Cluster;
    beforeAll(async () => {
      [a, b] = await open();
    });
    afterAll(async () => {
      await a.close();
      if (b !== a) await b.close();
    });

    it('runs tasks holding the same key one at a time, across instances', async () => {
      const events: string[] = [];
      const task = (who: string) => async () => {
        events.push(`${who} starts`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${who} ends`);
      };
      await Promise.all([a.exclusive('course:x', task('a')), b.exclusive('course:x', task('b'))]);
      expect(events[1]).toMatch(/ends$/);
      expect(events[3]).toMatch(/ends$/);
    });

    it('lets tasks on different keys run together, and frees a key when its task fails', async () => {
      let inside = 0;
      let most = 0;
      const task = async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inside--;
      };
      await Promise.all([a.exclusive('k1', task), b.exclusive('k2', task)]);
      expect(most).toBe(2);
      await expect(a.exclusive('k3', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await expect(b.exclusive('k3', async () => 'free')).resolves.toBe('free');
    });

    it('counts across instances, restarting after a fixed window', async () => {
      const window = { sinceFirstMs: 60_000 };
      expect((await a.counters.add('ip', at(0), window)).count).toBe(1);
      expect((await b.counters.add('ip', at(10), window)).count).toBe(2);
      const read = await a.counters.read('ip', at(20), window);
      expect(read?.count).toBe(2);
      expect(read?.firstAt.getTime()).toBe(at(0).getTime());
      expect(read?.lastAt.getTime()).toBe(at(10).getTime());
      expect(await a.counters.read('ip', at(60), window)).toBeUndefined();
      const restarted = await b.counters.add('ip', at(61), window);
      expect(restarted).toMatchObject({ count: 1 });
      expect(restarted.firstAt.getTime()).toBe(at(61).getTime());
      expect((await a.counters.add('ip', at(62), window, -1)).count).toBe(0);
      expect((await b.counters.add('ip', at(63), window, -1)).count).toBe(0);
      expect((await a.counters.add('late', at(0), window, -1)).count).toBe(0);
    });

    it('forgets a count after a quiet period, and on reset', async () => {
      const window = { sinceLastMs: 30_000 };
      await a.counters.add('acct', at(0), window);
      await b.counters.add('acct', at(25), window);
      expect((await a.counters.add('acct', at(50), window)).count).toBe(3);
      expect((await b.counters.add('acct', at(81), window)).count).toBe(1);
      await a.counters.reset('acct');
      expect(await b.counters.read('acct', at(82), window)).toBeUndefined();
    });

    it('counts every one of many concurrent additions', async () => {
      const window = { sinceFirstMs: 60_000 };
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).counters.add('burst', at(0), window)));
      expect((await a.counters.read('burst', at(1), window))?.count).toBe(40);
    });

    it('carries announcements to every instance, the announcer included', async () => {
      const heardByA: string[] = [];
      const heardByB: string[] = [];
      await a.listen('courses', (detail) => heardByA.push(detail));
      await b.listen('courses', (detail) => heardByB.push(detail));
      await a.listen('other', (detail) => heardByA.push(`other:${detail}`));
      await a.announce('courses', 'demo');
      for (let i = 0; i < 50 && heardByB.length === 0; i++) await nextTick();
      expect(heardByA).toEqual(['demo']);
      expect(heardByB).toEqual(['demo']);
    });
  });
}

clusterContract('local', async () => {
  const cluster = localCluster();
  return [cluster, cluster];
});

describe.skipIf(skipWithoutDatabase)('PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  clusterContract('postgres, two instances', async () =>
    Promise.all([openPostgresCluster(database.url), openPostgresCluster(database.url)]),
  );

  it('listens again after its connection is cut, and asks the listener to check what it missed', async () => {
    const [listener, announcer] = await Promise.all([
      openPostgresCluster(database.url),
      openPostgresCluster(database.url),
    ]);
    try {
      const heard: string[] = [];
      let resyncs = 0;
      await listener.listen(
        'courses',
        (detail) => heard.push(detail),
        () => resyncs++,
      );
      const admin = postgres(databaseUrl as string, { max: 1, onnotice: () => {} });
      const name = new URL(database.url).pathname.slice(1);
      await admin.unsafe(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and query ilike 'listen%'`,
      );
      await admin.end();
      for (let i = 0; i < 200 && resyncs === 0; i++) await nextTick();
      expect(resyncs).toBe(1);
      await announcer.announce('courses', 'after');
      for (let i = 0; i < 100 && heard.length === 0; i++) await nextTick();
      expect(heard).toEqual(['after']);
    } finally {
      await Promise.all([listener.close(), announcer.close()]);
    }
  });
});
