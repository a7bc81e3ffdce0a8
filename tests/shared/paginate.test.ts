import { describe, expect, it } from 'vitest';
import { paginate } from '../../server/shared/paginate.ts';

const rows = Array.from({ length: 7 }, (_, index) => index + 1);

describe('paginate', () => {
  it('gives the rows of the page asked for, with the page count and the total', () => {
    expect(paginate(rows, 1, 3)).toEqual({ items: [1, 2, 3], page: 1, pageCount: 3, total: 7 });
    expect(paginate(rows, 3, 3)).toEqual({ items: [7], page: 3, pageCount: 3, total: 7 });
  });

  it('shows the last page for a page past the end, and the first for a page below 1', () => {
    expect(paginate(rows, 9, 3)).toMatchObject({ items: [7], page: 3 });
    expect(paginate(rows, 0, 3)).toMatchObject({ items: [1, 2, 3], page: 1 });
  });

  it('has one empty page for an empty list', () => {
    expect(paginate([], 4, 50)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});
