import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/accounts/login-throttle.ts';
import type { SharedCounters } from '../../../server/store/cluster/cluster.ts';
import { localCluster } from '../../../server/store/cluster/local-cluster.ts';

const second = 1000;
const minute = 60 * second;
const fail = async (throttle: LoginThrottle, times: number, now: number, client = 'attacker') => {
  for (let i = 0; i < times; i++) await throttle.fail('a@exemple.org', client, now);
};

describe('LoginThrottle', async () => {
  it('lets a client fail 4 times without waiting, then asks it to wait 15 seconds', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 4, 0);
    expect(await throttle.waitMs('a@exemple.org', 'attacker', 0)).toBe(0);
    expect(await throttle.fail('a@exemple.org', 'attacker', 0)).toBe(15 * second);
    expect(await throttle.waitMs('a@exemple.org', 'attacker', 5 * second)).toBe(10 * second);
    expect(await throttle.waitMs('a@exemple.org', 'attacker', 15 * second)).toBe(0);
  });

  it('doubles the wait with each further failure, up to 15 minutes', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 5, 0);
    const waits: number[] = [];
    for (let i = 6; i <= 12; i++) waits.push((await throttle.fail('a@exemple.org', 'attacker', 0)) / second);
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it('never delays the same account from another client, nor another account from the same client', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 20, 0);
    expect(await throttle.waitMs('a@exemple.org', 'owner', 0)).toBe(0);
    expect(await throttle.waitMs('b@exemple.org', 'attacker', 0)).toBe(0);
  });

  it('forgets the failures after a success, or after an hour without one', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 8, 0);
    await throttle.succeed('a@exemple.org', 'attacker');
    expect(await throttle.waitMs('a@exemple.org', 'attacker', 0)).toBe(0);
    await fail(throttle, 8, 0);
    expect(await throttle.waitMs('a@exemple.org', 'attacker', 59 * minute)).toBe(0);
    expect(await throttle.fail('a@exemple.org', 'attacker', 60 * minute)).toBe(0);
  });

  it('shares the failures between instances through the cluster counters, keyed without personal data', async () => {
    const cluster = localCluster();
    const onA = new LoginThrottle(cluster.counters);
    const onB = new LoginThrottle(cluster.counters);
    await fail(onA, 5, 0);
    expect(await onB.waitMs('a@exemple.org', 'attacker', 0)).toBe(15 * second);
    const seen: string[] = [];
    const spy: SharedCounters = {
      ...cluster.counters,
      add: (key, ...rest) => {
        seen.push(key);
        return cluster.counters.add(key, ...rest);
      },
    };
    await new LoginThrottle(spy).fail('a@exemple.org', '203.0.113.9', 0);
    expect(seen[0]).not.toMatch(/exemple|203/);
  });
});
