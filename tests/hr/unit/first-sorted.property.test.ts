import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompletionStatus } from '../../../server/hr/completion-row.ts';
import { firstSorted, sortCompletions } from '../../../server/hr/sort-completions.ts';
import { makeCompletionRow } from '../make-completion-row.ts';

// Few letters, accents and case, digits: many ties and near-ties, where the French order and the
// tie-breaks decide.
const word = fc.stringMatching(/^[aAéÉeE1 2]{0,3}$/);
const row = fc
  .record({
    name: word,
    course: word,
    structure: word,
    email: word,
    courseSlug: word,
    status: fc.constantFrom(...CompletionStatus.options),
    completedAt: fc.option(fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })),
  })
  .map(({ courseSlug, ...fields }) => ({ ...makeCompletionRow(fields), courseSlug }));

describe('firstSorted', () => {
  it('gives the first rows of the full sort, whatever the sort, direction and count', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 120 }),
        fc.constantFrom('name', 'structure', 'course', 'status', 'completedAt' as const),
        fc.constantFrom('asc', 'desc' as const),
        fc.integer({ min: 1, max: 20 }),
        (rows, sort, dir, count) => {
          const expected = sortCompletions([...rows], sort, dir).slice(0, count);
          expect(firstSorted([...rows], sort, dir, count)).toEqual(expected);
        },
      ),
    );
  });

  it('keeps the French order when new values arrive between requests, few or many', () => {
    const rows = (names: string[]) => names.map((name, i) => ({ ...makeCompletionRow({ name }), courseSlug: `c${i}` }));
    const collator = new Intl.Collator('fr', { numeric: true });
    const french = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    const many = Array.from({ length: 200 }, (_, i) => `Nom ${i} ${i % 2 ? 'é' : 'E'}`);
    sortCompletions(rows(many), 'name', 'asc');
    // Two new names among 200 known ones (placed one by one), then many new ones (merged).
    for (const names of [
      [...many, 'Nom 7 e', 'nom 70'],
      ['Zoé', 'zoe', 'Émile', 'Emile', 'anaïs', 'Anaïs', 'Léa 10', 'Léa 9', 'Nom 7 e'],
    ])
      expect(sortCompletions(rows(names), 'name', 'asc').map((r) => r.name)).toEqual([...names].sort(french));
  });
});
