import type { CompletionSort } from './completion-filters.ts';
import { type CompletionRow, CompletionStatus } from './completion-row.ts';

const statusOrder = new Map(CompletionStatus.options.map((status, index) => [status, index]));

// One Intl comparison costs ~1 µs: French order is computed once per distinct value, then rows sort on numbers.
// The same order as PostgreSQL's ICU collation `fr-u-kn-true` (french-collation.ts): every accent and case
// counts, digits compare as numbers, and two strings ICU finds equal are ordered by their code points.
const collator = new Intl.Collator('fr', { numeric: true });
const byCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
function ranks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort((a, b) => collator.compare(a, b) || byCodePoints(a, b));
  return new Map(sorted.map((value, index) => [value, index]));
}

/**
 * Sorts in place and returns `rows`. Ties go by name, course, e-mail then course slug (one row per e-mail and
 * course), so the order is total: pages never shuffle between requests and both stores give the same one.
 */
export function sortCompletions<R extends CompletionRow & { courseSlug: string }>(
  rows: R[],
  sort: CompletionSort,
  dir: 'asc' | 'desc',
): R[] {
  const names = ranks(rows.map((row) => row.name));
  const courses = ranks(rows.map((row) => row.course));
  const structures = sort === 'structure' ? ranks(rows.map((row) => row.structure)) : undefined;
  const primary = (row: R): number => {
    switch (sort) {
      case 'name':
        return names.get(row.name)!;
      case 'structure':
        return structures!.get(row.structure)!;
      case 'course':
        return courses.get(row.course)!;
      case 'status':
        return statusOrder.get(row.status)!;
      case 'completedAt':
        return row.completedAt?.getTime() ?? Number.NaN;
    }
  };
  const sign = dir === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => ({
    row,
    key: primary(row),
    name: names.get(row.name)!,
    course: courses.get(row.course)!,
  }));
  keyed.sort((a, b) => {
    // Rows without a completion date go last whichever the direction.
    if (Number.isNaN(a.key) || Number.isNaN(b.key)) {
      if (!Number.isNaN(a.key)) return -1;
      if (!Number.isNaN(b.key)) return 1;
    } else if (a.key !== b.key) {
      return sign * (a.key - b.key);
    }
    return (
      a.name - b.name ||
      a.course - b.course ||
      byCodePoints(a.row.email, b.row.email) ||
      byCodePoints(a.row.courseSlug, b.row.courseSlug)
    );
  });
  for (let index = 0; index < keyed.length; index += 1) rows[index] = keyed[index]!.row;
  return rows;
}
