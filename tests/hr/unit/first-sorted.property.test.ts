import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import type { Course } from '../../../server/catalog/course.ts';
import type { Certificate } from '../../../server/certificates/schema.ts';
import {
  type CompletionMatch,
  countedOf,
  enrolledMatch,
  matchSortKeys,
  notStartedMatch,
  rowOf,
} from '../../../server/hr/completion-match.ts';
import { CompletionStatus } from '../../../server/hr/completion-row.ts';
import { FirstRows, firstSorted, sortCompletions } from '../../../server/hr/sort-completions.ts';
import { CompletionTally, summarizeCompletions } from '../../../server/hr/summarize-completions.ts';
import type { Enrollment } from '../../../server/learning/schema.ts';
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

// The dashboard orders and counts records (completion-match.ts) and builds the rows of one page only:
// records of every kind, with the values that decide a status (completed or not, a revoked certificate, a
// due date before or after today) and ties everywhere.
const today = '2026-06-15';
const instant = fc
  .date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());
const person = fc.record({ id: word, name: word, email: word, structure: word, matricule: fc.option(word) }).map(
  (fields): User => ({
    ...fields,
    role: 'learner',
    passwordHash: null,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }),
);
const course = fc
  .record({ slug: fc.constantFrom('demo', 'rgpd', 'ancien'), title: word, declaredMinutes: fc.nat(600) })
  .map((fields) => ({ ...fields, version: 2 }) as Course);
const due = fc.record({
  dueDate: fc.option(fc.constantFrom('2026-03-01', today, '2026-09-01')),
  today: fc.constant(today),
});
const enrolled = fc
  .record({
    user: person,
    course: fc.option(course, { nil: undefined }),
    courseTitle: word,
    startedAt: instant,
    completedAt: fc.option(instant),
    seconds: fc.nat(20_000),
    finalScore: fc.option(fc.nat(100)),
    certificate: fc.option(
      fc.record({ id: word, status: fc.constantFrom('valid', 'revoked', 'replaced' as const), shortCode: word }),
      { nil: undefined },
    ),
    due,
  })
  .map(({ user, course, certificate, due, ...fields }): CompletionMatch => {
    const slug = course?.slug ?? 'ancien';
    const enrollment = { ...fields, id: `${user.id}/${slug}`, userId: user.id, course: slug, courseVersion: 1 };
    const issued = certificate && ({ ...certificate, snapshot: { declaredMinutes: 45 } } as Certificate);
    return enrolledMatch(user, enrollment as Enrollment, course, issued, due);
  });
const notStarted = fc
  .tuple(person, course, due)
  .map(([user, course, due]): CompletionMatch => notStartedMatch(user, course, due));
const record = fc.oneof(enrolled, notStarted);

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

  it('orders and counts records as their rows, kept all or as they come: the page of the built rows', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 120 }),
        fc.constantFrom('name', 'structure', 'course', 'status', 'completedAt' as const),
        fc.constantFrom('asc', 'desc' as const),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (records, sort, dir, count, every) => {
          const rows = records.map((match) => rowOf(match, today));
          const expected = sortCompletions([...rows], sort, dir).slice(0, count);
          const page = firstSorted([...records], sort, dir, count, matchSortKeys).map((match) => rowOf(match, today));
          expect(page).toEqual(expected);
          // Kept as they come, cut back to `count` every `every` records: the same rows.
          const first = new FirstRows(sort, dir, count, matchSortKeys, every);
          for (const match of records) first.add(match);
          expect(first.rows().map((match) => rowOf(match, today))).toEqual(expected);
          const tally = new CompletionTally();
          for (const match of records) tally.add(countedOf(match));
          expect(tally.summary()).toEqual(summarizeCompletions(rows));
        },
      ),
    );
  });
});
