import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/accounts/login-throttle.ts';

const second = 1000;
const minute = 60 * second;
const fail = (throttle: LoginThrottle, times: number, now: number, client = 'attacker') => {
  for (let i = 0; i < times; i++) throttle.fail('a@exemple.org', client, now);
};

describe('LoginThrottle', () => {
  it('lets a client fail 4 times without waiting, then asks it to wait 15 seconds', () => {
    const throttle = new LoginThrottle();
    fail(throttle, 4, 0);
    expect(throttle.waitMs('a@exemple.org', 'attacker', 0)).toBe(0);
    expect(throttle.fail('a@exemple.org', 'attacker', 0)).toBe(15 * second);
    expect(throttle.waitMs('a@exemple.org', 'attacker', 5 * second)).toBe(10 * second);
    expect(throttle.waitMs('a@exemple.org', 'attacker', 15 * second)).toBe(0);
  });

  it('doubles the wait with each further failure, up to 15 minutes', () => {
    const throttle = new LoginThrottle();
    fail(throttle, 5, 0);
    expect([6, 7, 8, 9, 10, 11, 12].map(() => throttle.fail('a@exemple.org', 'attacker', 0) / second)).toEqual([
      30, 60, 120, 240, 480, 900, 900,
    ]);
  });

  it('never delays the same account from another client, nor another account from the same client', () => {
    const throttle = new LoginThrottle();
    fail(throttle, 20, 0);
    expect(throttle.waitMs('a@exemple.org', 'owner', 0)).toBe(0);
    expect(throttle.waitMs('b@exemple.org', 'attacker', 0)).toBe(0);
  });

  it('forgets the failures after a success, or after an hour without one', () => {
    const throttle = new LoginThrottle();
    fail(throttle, 8, 0);
    throttle.succeed('a@exemple.org', 'attacker');
    expect(throttle.waitMs('a@exemple.org', 'attacker', 0)).toBe(0);
    fail(throttle, 8, 0);
    expect(throttle.waitMs('a@exemple.org', 'attacker', 59 * minute)).toBe(0);
    expect(throttle.fail('a@exemple.org', 'attacker', 60 * minute)).toBe(0);
  });

  it('keeps its memory bounded by forgetting old entries first', () => {
    const throttle = new LoginThrottle(5, 15 * second, 15 * minute, 60 * minute, 3);
    for (const client of ['c1', 'c2', 'c3']) throttle.fail('a@exemple.org', client, 0);
    throttle.fail('a@exemple.org', 'c4', 61 * minute);
    expect((throttle as unknown as { entries: Map<string, unknown> }).entries.size).toBe(1);
  });
});
