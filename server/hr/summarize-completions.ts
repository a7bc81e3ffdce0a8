import type { ListedCompletion } from './listed-completion.ts';

/** Counts for one course, one structure, or everything listed. */
export interface CompletionTotals {
  /** Course slug or structure name (what the matching filter takes). */
  key: string;
  label: string;
  /** Pairs with an enrollment: in progress + completed + revoked. */
  enrolled: number;
  inProgress: number;
  completed: number;
  /** Completed, but the certificate was revoked: enrolled, not counted as completed. */
  revoked: number;
  notStarted: number;
  measuredMinutes: number;
  /** completed / enrolled, null when nobody is enrolled. */
  rate: number | null;
  /** « 67 % » (no-break space), or « — ». */
  rateText: string;
  /** Measured hours, one decimal: « 12,5 », « 1 234,5 ». */
  hoursText: string;
}

export interface CompletionSummary {
  byCourse: CompletionTotals[];
  byStructure: CompletionTotals[];
  overall: CompletionTotals;
}

type SummarizedRow = Pick<ListedCompletion, 'courseSlug' | 'course' | 'structure' | 'status' | 'measuredMinutes'>;

// Written by hand rather than with Intl: ICU versions disagree on which no-break space French uses.
const percentText = (rate: number): string => `${Math.round(rate * 100)}\u00A0%`;
function hoursText(minutes: number): string {
  const [whole, decimal] = (minutes / 60).toFixed(1).split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+$)/g, '\u00A0')},${decimal}`;
}
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Totals per course and per structure of the rows given (the dashboard passes every filtered row, not one
 * page); `structures` groups the structures into lines (server/hr/roll-up-structures.ts).
 */
export function summarizeCompletions(
  rows: Iterable<SummarizedRow>,
  structures: { keyOf(code: string): string; labelOf(key: string): string } = { keyOf: (c) => c, labelOf: (k) => k },
): CompletionSummary {
  const byCourse = new Map<string, Counter>();
  const byStructure = new Map<string, Counter>();
  const overall = new Counter('', 'Total');
  for (const row of rows) {
    counterFor(byCourse, row.courseSlug, row.course).add(row);
    const key = structures.keyOf(row.structure);
    counterFor(byStructure, key, structures.labelOf(key)).add(row);
    overall.add(row);
  }
  const sorted = (counters: Map<string, Counter>) =>
    [...counters.values()].map((counter) => counter.totals()).sort((a, b) => collator.compare(a.label, b.label));
  return { byCourse: sorted(byCourse), byStructure: sorted(byStructure), overall: overall.totals() };
}

function counterFor(counters: Map<string, Counter>, key: string, label: string): Counter {
  let counter = counters.get(key);
  if (!counter) {
    counter = new Counter(key, label);
    counters.set(key, counter);
  }
  return counter;
}

class Counter {
  inProgress = 0;
  completed = 0;
  revoked = 0;
  notStarted = 0;
  measuredMinutes = 0;

  constructor(
    readonly key: string,
    readonly label: string,
  ) {}

  add(row: SummarizedRow): void {
    if (row.status === 'in_progress') this.inProgress += 1;
    else if (row.status === 'completed') this.completed += 1;
    else if (row.status === 'revoked') this.revoked += 1;
    else this.notStarted += 1;
    this.measuredMinutes += row.measuredMinutes;
  }

  totals(): CompletionTotals {
    const enrolled = this.inProgress + this.completed + this.revoked;
    const rate = enrolled === 0 ? null : this.completed / enrolled;
    return {
      key: this.key,
      label: this.label,
      enrolled,
      inProgress: this.inProgress,
      completed: this.completed,
      revoked: this.revoked,
      notStarted: this.notStarted,
      measuredMinutes: this.measuredMinutes,
      rate,
      rateText: rate === null ? '—' : percentText(rate),
      hoursText: hoursText(this.measuredMinutes),
    };
  }
}
