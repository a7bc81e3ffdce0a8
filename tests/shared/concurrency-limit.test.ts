import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from '../../server/shared/concurrency-limit.ts';

// Password hashes go through a limit of two (accounts/password.ts): each holds 19 MiB while it runs.
describe('a concurrency limit', () => {
  it('runs at most `limit` tasks at once, the others in their order of arrival, even when some fail', async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (n === 1) throw new Error('échec');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limit.run(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['rejected', 2, 3, 4, 5]);
  });
});
