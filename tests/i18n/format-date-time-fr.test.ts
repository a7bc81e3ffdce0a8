import { describe, expect, it } from 'vitest';
import { formatDateTimeFr } from '../../server/i18n/format-date-time-fr.ts';

describe('formatDateTimeFr', () => {
  it('writes the date as on certificates and the time on the clock in Paris', () => {
    expect(formatDateTimeFr('2026-11-23T13:05:00Z')).toBe('23 novembre 2026 à 14:05');
    expect(formatDateTimeFr('2026-07-01T06:30:00Z')).toBe('1er juillet 2026 à 08:30');
  });
});
