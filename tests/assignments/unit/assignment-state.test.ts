import { describe, expect, it } from 'vitest';
import { assignmentState, byUrgency, parisDate } from '../../../server/assignments/assignment-status.ts';

describe('assignmentState', () => {
  it('counts the whole due day in Paris as on time', () => {
    // 31 March 2027, 23:30 in Paris is 21:30 UTC (summer time); 00:30 on 1 April is 22:30 UTC.
    expect(assignmentState({ completedAt: '2027-03-31T21:30:00.000Z' }, '2027-03-31', '2027-04-02')).toBe('done');
    expect(assignmentState({ completedAt: '2027-03-31T22:30:00.000Z' }, '2027-03-31', '2027-04-02')).toBe('doneLate');
    expect(assignmentState({ completedAt: '2027-03-31T22:30:00.000Z' }, null, '2027-04-02')).toBe('done');
  });

  it('is late only after the due day, and tells started from not started before', () => {
    expect(assignmentState(undefined, '2027-03-31', '2027-03-31')).toBe('notStarted');
    expect(assignmentState({ completedAt: null }, '2027-03-31', '2027-03-31')).toBe('inProgress');
    expect(assignmentState({ completedAt: null }, '2027-03-31', '2027-04-01')).toBe('late');
    expect(assignmentState(undefined, null, '2099-01-01')).toBe('notStarted');
  });

  it('reads the day in Paris', () => {
    expect(parisDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });

  it('orders late first, then nearest due date, then no date', () => {
    const items = [
      { late: false, dueDate: null },
      { late: false, dueDate: '2027-05-01' },
      { late: true, dueDate: '2026-01-01' },
      { late: false, dueDate: '2027-04-01' },
    ];
    expect(items.sort(byUrgency).map((i) => i.dueDate)).toEqual(['2026-01-01', '2027-04-01', '2027-05-01', null]);
  });
});
