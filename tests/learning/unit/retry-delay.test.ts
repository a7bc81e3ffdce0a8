import { describe, expect, it } from 'vitest';
import { parseRetryDelay } from '../../../server/catalog/retry-delay.ts';
import { formatDelayFr } from '../../../server/i18n/format-delay-fr.ts';
import { retryWaitUntil } from '../../../server/learning/attempt-rules.ts';

const at = (iso: string) => ({ createdAt: iso });
const hour = { retryDelayMinutes: 60 };

describe('the delay between attempts', () => {
  it('asks to wait until the latest attempt plus the delay', () => {
    const until = retryWaitUntil(hour, [at('2026-11-23T09:00:00.000Z')], new Date('2026-11-23T09:10:00Z'));
    expect(until?.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('counts from the latest attempt, whatever the order the rows come in', () => {
    const attempts = [at('2026-11-23T09:30:00.000Z'), at('2026-11-22T09:00:00.000Z')];
    expect(retryWaitUntil(hour, attempts, new Date('2026-11-23T10:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T10:30:00.000Z',
    );
  });

  it('lets the learner answer once the delay has passed, to the millisecond', () => {
    const attempts = [at('2026-11-23T09:00:00.000Z')];
    expect(retryWaitUntil(hour, attempts, new Date('2026-11-23T09:59:59.999Z'))).toBeDefined();
    expect(retryWaitUntil(hour, attempts, new Date('2026-11-23T10:00:00.000Z'))).toBeUndefined();
  });

  it('never applies before the first attempt nor to a quiz without a delay', () => {
    expect(retryWaitUntil(hour, [], new Date('2026-11-23T09:00:00Z'))).toBeUndefined();
    const attempts = [at('2026-11-23T09:00:00.000Z')];
    expect(retryWaitUntil({ retryDelayMinutes: 0 }, attempts, new Date('2026-11-23T09:00:01Z'))).toBeUndefined();
  });
});

describe('delai_entre_tentatives as trainers write it', () => {
  it('reads durations and whole days, in minutes', () => {
    expect(parseRetryDelay('30 min')).toBe(30);
    expect(parseRetryDelay('1 h 30')).toBe(90);
    expect(parseRetryDelay(45)).toBe(45);
    expect(parseRetryDelay('1 jour')).toBe(1440);
    expect(parseRetryDelay('3 jours')).toBe(3 * 1440);
    expect(parseRetryDelay('2 j')).toBe(2 * 1440);
  });

  it('refuses what is not a delay', () => {
    expect(parseRetryDelay('demain')).toBeNull();
    expect(parseRetryDelay('0 jour')).toBeNull();
    expect(parseRetryDelay(-5)).toBeNull();
  });

  it('is shown in days when it is whole days', () => {
    expect(formatDelayFr(1440)).toBe('1 jour');
    expect(formatDelayFr(3 * 1440)).toBe('3 jours');
    expect(formatDelayFr(90)).toBe('1 h 30');
    expect(formatDelayFr(30)).toBe('30 min');
  });
});
