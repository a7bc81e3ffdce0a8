import { describe, expect, it } from 'vitest';
import { formatDurationFr } from '../../server/i18n/format-duration-fr.ts';

describe('formatDurationFr', () => {
  it.each([
    [0, '0 min'],
    [1, '1 min'],
    [45, '45 min'],
    [59, '59 min'],
    [60, '1 h'],
    [62, '1 h 02'],
    [65, '1 h 05'],
    [75, '1 h 15'],
    [120, '2 h'],
    [754, '12 h 34'],
  ])('writes %i minutes as %j', (minutes, text) => {
    expect(formatDurationFr(minutes)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d minutes', (minutes) => {
    expect(() => formatDurationFr(minutes)).toThrow(RangeError);
  });
});
