import { describe, expect, it } from 'vitest';
import { remainingSeconds } from '../../../server/learning/minimum-time.ts';

describe('remainingSeconds (temps_minimum)', () => {
  it('is the time still missing, never below zero', () => {
    expect(remainingSeconds({ minimumMinutes: 20 }, 0)).toBe(1200);
    expect(remainingSeconds({ minimumMinutes: 20 }, 6 * 60 + 30)).toBe(810);
    expect(remainingSeconds({ minimumMinutes: 20 }, 1200)).toBe(0);
    expect(remainingSeconds({ minimumMinutes: 20 }, 5000)).toBe(0);
  });

  it('is zero for a course without a minimum', () => {
    expect(remainingSeconds({ minimumMinutes: undefined }, 0)).toBe(0);
  });
});
