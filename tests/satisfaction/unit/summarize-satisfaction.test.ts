import { describe, expect, it } from 'vitest';
import type { Catalog, Course } from '../../../server/catalog/course.ts';
import type { SatisfactionResponse } from '../../../server/satisfaction/schema.ts';
import { summarizeSatisfaction } from '../../../server/satisfaction/summarize-satisfaction.ts';

const catalog = {
  courses: [],
  bySlug: new Map([
    ['a', { title: 'Cours A' } as Course],
    ['b', { title: 'Cours B' } as Course],
  ]),
} as Catalog;

let n = 0;
function response(extra: Partial<SatisfactionResponse>): SatisfactionResponse {
  n += 1;
  return {
    id: `r${n}`,
    course: 'a',
    courseVersion: 1,
    structure: 'Nord',
    month: '2026-11',
    usefulness: null,
    clarity: null,
    application: null,
    comment: null,
    ...extra,
  };
}

describe('summarizeSatisfaction', () => {
  const rows = [
    response({ usefulness: 5, clarity: 4, comment: 'Zèbre' }),
    response({ usefulness: 4, clarity: 4, application: 2 }),
    response({ usefulness: 4, comment: 'Abeille', month: '2026-10', structure: 'Sud' }),
    response({ usefulness: 1, course: 'b' }),
  ];

  it('gives per question the answered count, the mean to one decimal and the count of each score', () => {
    const [a] = summarizeSatisfaction(rows, {}, catalog);
    expect(a).toEqual({
      course: 'a',
      title: 'Cours A',
      responses: 3,
      detailed: true,
      items: [
        { item: 'usefulness', answered: 3, mean: 4.3, counts: [0, 0, 0, 2, 1] },
        { item: 'clarity', answered: 2, mean: 4, counts: [0, 0, 0, 2, 0] },
        { item: 'application', answered: 1, mean: 2, counts: [0, 1, 0, 0, 0] },
      ],
      comments: ['Abeille', 'Zèbre'],
    });
  });

  it('details no course with fewer than 3 responses: only their count is given', () => {
    const b = summarizeSatisfaction(rows, {}, catalog).find((c) => c.course === 'b');
    expect(b).toEqual({ course: 'b', title: 'Cours B', responses: 1, detailed: false, items: [], comments: [] });
  });

  it('filters by month bounds (included), structure and course', () => {
    expect(summarizeSatisfaction(rows, { from: '2026-11' }, catalog).map((c) => [c.course, c.responses])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(summarizeSatisfaction(rows, { to: '2026-10' }, catalog).map((c) => c.responses)).toEqual([1]);
    expect(summarizeSatisfaction(rows, { structure: 'Sud' }, catalog)[0]?.detailed).toBe(false);
    expect(summarizeSatisfaction(rows, { course: 'b' }, catalog).map((c) => c.course)).toEqual(['b']);
  });
});
