import type { CompletionSort } from './completion-filters.ts';
import { type CompletionRow, CompletionStatus } from './completion-row.ts';

const statusOrder = new Map(CompletionStatus.options.map((status, index) => [status, index]));

// One Intl comparison costs ~1 µs: French order is computed once per distinct value, then rows sort on numbers.
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
function ranks(values: Iterable<string>): Map<string, number> {
  return new Map([...new Set(values)].sort(collator.compare).map((value, index) => [value, index]));
}

/** Sorts in place and returns `rows`; ties keep the given order, so pages never shuffle between requests. */
export function sortCompletions<R extends CompletionRow>(rows: R[], sort: CompletionSort, dir: 'asc' | 'desc'): R[] {
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
  const keyed = rows.map((row, index) => ({
    row,
    index,
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
    return a.name - b.name || a.course - b.course || a.index - b.index;
  });
  for (let index = 0; index < keyed.length; index += 1) rows[index] = keyed[index]!.row;
  return rows;
}
