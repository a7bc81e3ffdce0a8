import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesToHours } from '../../../server/hr/completion-columns.ts';
import { parisDay } from '../../../server/hr/paris-day.ts';

const parisDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' });
const asFrench = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;

describe('parisDay', () => {
  it('gives the day on the Paris wall clock, even when it reuses the day of an earlier instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3_599_999 }),
        (instant, later) => {
          expect(asFrench(parisDay(instant))).toBe(parisDate.format(instant));
          const sameHour = new Date(Math.floor(instant.getTime() / 3_600_000) * 3_600_000 + later);
          expect(asFrench(parisDay(sameHour))).toBe(parisDate.format(sameHour));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('switches day at midnight in Paris on both sides of daylight saving time', () => {
    expect(parisDay(new Date('2026-03-28T22:59:59Z'))).toEqual({ year: 2026, month: 3, day: 28 });
    expect(parisDay(new Date('2026-03-28T23:00:00Z'))).toEqual({ year: 2026, month: 3, day: 29 });
    expect(parisDay(new Date('2026-10-24T21:59:59Z'))).toEqual({ year: 2026, month: 10, day: 24 });
    expect(parisDay(new Date('2026-10-24T22:00:00Z'))).toEqual({ year: 2026, month: 10, day: 25 });
  });
});

describe('minutesToHours', () => {
  it('turns minutes into hours rounded to two decimals', () => {
    expect([0, 1, 20, 75, 90, 100, 6000].map(minutesToHours)).toEqual([0, 0.02, 0.33, 1.25, 1.5, 1.67, 100]);
  });
});
