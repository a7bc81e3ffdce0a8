import { describe, expect, it } from 'vitest';
import { idleAfterMs, maxCreditMs, timeCredit } from '../../../server/learning/time-credit.ts';

const start = '2026-11-23T09:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(start) + ms);

describe('crediting time between two requests of a learner', () => {
  it('credits the gap, in whole seconds', () => {
    expect(timeCredit(start, later(4 * 60_000))).toBe(240);
    expect(timeCredit(start, later(1_499))).toBe(1);
  });

  it('credits nothing for a first request', () => {
    expect(timeCredit(undefined, later(60_000))).toBe(0);
  });

  it('caps a long gap at 15 minutes: a tab left open is not hours of study', () => {
    expect(maxCreditMs).toBe(15 * 60_000);
    expect(timeCredit(start, later(20 * 60_000))).toBe(900);
    expect(timeCredit(start, later(idleAfterMs))).toBe(900);
  });

  it('credits nothing once the gap is over 30 minutes: the learner had left', () => {
    expect(idleAfterMs).toBe(30 * 60_000);
    expect(timeCredit(start, later(idleAfterMs + 1))).toBe(0);
    expect(timeCredit(start, later(9 * 3_600_000))).toBe(0);
  });

  it('credits nothing for a clock that went backwards or did not move', () => {
    expect(timeCredit(start, later(-60_000))).toBe(0);
    expect(timeCredit(start, later(0))).toBe(0);
  });
});
