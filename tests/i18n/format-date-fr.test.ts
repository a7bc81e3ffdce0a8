import { describe, expect, it } from 'vitest';
import { formatDateFr } from '../../server/i18n/format-date-fr.ts';

describe('formatDateFr', () => {
  it('writes the day, the month in full and the year', () => {
    expect(formatDateFr('2026-11-23T10:45:00Z')).toBe('23 novembre 2026');
  });

  it('writes the first day of a month as "1er"', () => {
    expect(formatDateFr('2027-03-01T12:00:00Z')).toBe('1er mars 2027');
  });

  it('uses accented month names', () => {
    expect(formatDateFr('2026-02-10T12:00:00Z')).toBe('10 février 2026');
    expect(formatDateFr('2026-08-15T12:00:00Z')).toBe('15 août 2026');
    expect(formatDateFr('2026-12-31T12:00:00Z')).toBe('31 décembre 2026');
  });

  it('gives the date in Paris, not in UTC', () => {
    // 23:30 UTC is already the next day in Paris, in winter (UTC+1) as in summer (UTC+2).
    expect(formatDateFr('2026-11-22T23:30:00Z')).toBe('23 novembre 2026');
    expect(formatDateFr('2026-06-30T22:30:00Z')).toBe('1er juillet 2026');
    expect(formatDateFr('2026-06-30T21:59:00Z')).toBe('30 juin 2026');
  });

  it('honours an explicit offset', () => {
    expect(formatDateFr('2026-11-23T00:30:00+01:00')).toBe('23 novembre 2026');
  });

  it('accepts a date without a time', () => {
    expect(formatDateFr('2026-11-23')).toBe('23 novembre 2026');
  });

  it.each(['le 23 novembre', '23/11/2026', '2026-11-23T10:45:00', '2026-13-01', ''])(
    'refuses %j, which is not an unambiguous ISO date',
    (text) => {
      expect(() => formatDateFr(text)).toThrow(RangeError);
    },
  );
});
