import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/accounts/login-throttle.ts';

const minute = 60_000;

describe('LoginThrottle', () => {
  it('locks a key after 5 failures within 15 minutes', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 4; i++) throttle.fail('a@exemple.org', i * minute);
    expect(throttle.isLocked('a@exemple.org', 4 * minute)).toBe(false);
    throttle.fail('a@exemple.org', 4 * minute);
    expect(throttle.isLocked('a@exemple.org', 4 * minute)).toBe(true);
    expect(throttle.isLocked('b@exemple.org', 4 * minute)).toBe(false);
  });

  it('forgets failures older than the window, and all of them after a success', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) throttle.fail('a@exemple.org', 0);
    expect(throttle.isLocked('a@exemple.org', 15 * minute)).toBe(false);
    for (let i = 0; i < 4; i++) throttle.fail('a@exemple.org', 20 * minute);
    throttle.succeed('a@exemple.org');
    throttle.fail('a@exemple.org', 20 * minute);
    expect(throttle.isLocked('a@exemple.org', 20 * minute)).toBe(false);
  });
});
