import { describe, expect, it } from 'vitest';
import { addDays, reminderDay } from '../../server/reminders/reminder-schedule.ts';

const config = { daysBefore: 7, lateEveryDays: 7, max: 4, dailyJobHour: 7 };
const due = '2027-03-31';

describe('reminderDay', () => {
  it('plans one reminder 7 days before, one on the due date, then one a week while late', () => {
    const days = [
      '2027-03-23',
      '2027-03-24',
      '2027-03-30',
      '2027-03-31',
      '2027-04-06',
      '2027-04-07',
      '2027-04-13',
      '2027-04-14',
    ];
    expect(days.map((today) => reminderDay(due, today, '2027-01-01', config))).toEqual([
      null,
      '2027-03-24',
      '2027-03-24',
      '2027-03-31',
      '2027-03-31',
      '2027-04-07',
      '2027-04-07',
      '2027-04-14',
    ]);
  });

  it('plans nothing for a schedule day before the assignment existed, and nothing before with daysBefore 0', () => {
    expect(reminderDay(due, '2027-03-28', '2027-03-26', config)).toBeNull();
    expect(reminderDay(due, '2027-03-31', '2027-03-26', config)).toBe('2027-03-31');
    expect(reminderDay(due, '2027-03-28', '2027-01-01', { ...config, daysBefore: 0 })).toBeNull();
  });

  it('moves across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
