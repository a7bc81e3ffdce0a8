import { describe, expect, it } from 'vitest';
import type { CompletionStatus } from '../../../server/hr/completion-row.ts';
import { summarizeCompletions } from '../../../server/hr/summarize-completions.ts';

const row = (courseSlug: string, structure: string, status: CompletionStatus, measuredMinutes = 0) => ({
  courseSlug,
  course: courseSlug === 'demo' ? 'Cours de démonstration' : 'RGPD : les bases',
  structure,
  status,
  measuredMinutes,
  startedAt: status === 'not_started' ? null : new Date('2026-01-05T09:00:00Z'),
});

describe('summarizeCompletions', () => {
  const summary = summarizeCompletions([
    row('demo', 'Nord', 'completed', 90),
    row('demo', 'Nord', 'in_progress', 15),
    row('demo', 'Lilas', 'revoked', 60),
    row('demo', 'Lilas', 'not_started'),
    row('rgpd', 'Nord', 'completed', 45),
    row('rgpd', 'Nord', 'completed', 3),
  ]);

  it('counts enrolled pairs as in progress + completed + revoked, never the not-started ones', () => {
    const demo = summary.byCourse.find((line) => line.key === 'demo');
    expect(demo).toMatchObject({
      label: 'Cours de démonstration',
      enrolled: 3,
      inProgress: 1,
      completed: 1,
      revoked: 1,
      notStarted: 1,
      measuredMinutes: 165,
    });
  });

  it('does not count a revoked certificate as completed in the rate', () => {
    const demo = summary.byCourse.find((line) => line.key === 'demo')!;
    expect(demo.rate).toBeCloseTo(1 / 3);
    expect(demo.rateText).toBe('33\u00A0%');
  });

  it('formats hours with one decimal and a comma', () => {
    const demo = summary.byCourse.find((line) => line.key === 'demo')!;
    expect(demo.hoursText).toBe('2,8');
    expect(summary.byCourse.find((line) => line.key === 'rgpd')!.hoursText).toBe('0,8');
    expect(summarizeCompletions([row('demo', 'Nord', 'completed', 74_070)]).overall.hoursText).toBe('1\u00A0234,5');
  });

  it('totals per structure, sorted in French order, and overall', () => {
    expect(summary.byStructure.map((line) => [line.label, line.enrolled, line.completed, line.rateText])).toEqual([
      ['Lilas', 1, 0, '0\u00A0%'],
      ['Nord', 4, 3, '75\u00A0%'],
    ]);
    expect(summary.overall).toMatchObject({
      enrolled: 5,
      completed: 3,
      revoked: 1,
      notStarted: 1,
      rateText: '60\u00A0%',
    });
  });

  it('gives no rate when nobody is enrolled', () => {
    const empty = summarizeCompletions([row('demo', 'Nord', 'not_started')]);
    expect(empty.byCourse[0]).toMatchObject({ enrolled: 0, rate: null, rateText: '—', hoursText: '0,0' });
    expect(summarizeCompletions([]).overall).toMatchObject({ enrolled: 0, rateText: '—' });
  });
});
