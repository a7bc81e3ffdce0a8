import type { ListedCompletion } from './listed-completion.ts';

/** What is counted for one course, one structure, or everything listed. */
export interface CompletionCounts {
  /** Pairs with an enrollment (started): in progress + completed + revoked + late ones already started. */
  enrolled: number;
  inProgress: number;
  completed: number;
  /** Completed, but the certificate was revoked: enrolled, not counted as completed. */
  revoked: number;
  notStarted: number;
  /** Assigned, past the due date, not completed: started or not. */
  late: number;
  measuredMinutes: number;
}

/** Counts for one course, one structure, or everything listed. */
export interface CompletionTotals extends CompletionCounts {
  /** Course slug or structure name (what the matching filter takes). */
  key: string;
  label: string;
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

type SummarizedRow = Pick<
  ListedCompletion,
  'courseSlug' | 'course' | 'structure' | 'status' | 'measuredMinutes' | 'startedAt'
>;

/** What one row adds to the totals: a built row's fields, or the same values from a row never built. */
export type CountedRow = Omit<SummarizedRow, 'startedAt'> & {
  /** The course was started (the row has a start date). */
  started: boolean;
};

/** Counts grouped by a key (course slug or structure), with the label shown for it. */
export interface GroupCounts {
  key: string;
  label: string;
  counts: CompletionCounts;
}

// Written by hand rather than with Intl: ICU versions disagree on which no-break space French uses.
const percentText = (rate: number): string => `${Math.round(rate * 100)}\u00A0%`;
function hoursText(minutes: number): string {
  const [whole, decimal] = (minutes / 60).toFixed(1).split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+$)/g, '\u00A0')},${decimal}`;
}
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Totals per course and per structure of the rows given (the dashboard passes every filtered row, not one page). */
export function summarizeCompletions(rows: Iterable<SummarizedRow>): CompletionSummary {
  const tally = new CompletionTally();
  for (const row of rows) tally.add({ ...row, started: row.startedAt !== null });
  return tally.summary();
}

/** Totals counted one row at a time: the dashboard counts the rows of a whole network without building them. */
export class CompletionTally {
  readonly #byCourse = new Map<string, GroupCounts>();
  readonly #byStructure = new Map<string, GroupCounts>();
  readonly #overall = noCounts();

  add(row: CountedRow): void {
    this.addLine(row, 1, row.started ? 1 : 0);
  }

  /**
   * `rows` rows of one course, structure and status counted together (the database's GROUP BY), of which
   * `enrolled` were started; `measuredMinutes` is their sum.
   */
  addLine(line: Omit<CountedRow, 'started'>, rows: number, enrolled: number): void {
    count(groupOf(this.#byCourse, line.courseSlug, line.course).counts, line, rows, enrolled);
    count(groupOf(this.#byStructure, line.structure, line.structure).counts, line, rows, enrolled);
    count(this.#overall, line, rows, enrolled);
  }

  summary(): CompletionSummary {
    return summaryOf([...this.#byCourse.values()], [...this.#byStructure.values()], this.#overall);
  }
}

/** The summary from counts however they were made (in memory, or by the database's GROUP BY). */
export function summaryOf(byCourse: GroupCounts[], byStructure: GroupCounts[], overall: CompletionCounts) {
  const sorted = (groups: GroupCounts[]) =>
    groups
      .map((group) => totalsOf(group.key, group.label, group.counts))
      .sort((a, b) => collator.compare(a.label, b.label));
  return { byCourse: sorted(byCourse), byStructure: sorted(byStructure), overall: totalsOf('', 'Total', overall) };
}

export const noCounts = (): CompletionCounts => ({
  enrolled: 0,
  inProgress: 0,
  completed: 0,
  revoked: 0,
  notStarted: 0,
  late: 0,
  measuredMinutes: 0,
});

function groupOf(groups: Map<string, GroupCounts>, key: string, label: string): GroupCounts {
  let group = groups.get(key);
  if (!group) {
    group = { key, label, counts: noCounts() };
    groups.set(key, group);
  } else if (label < group.label) {
    // A course no longer published is labelled by the titles its rows kept, which may differ between
    // versions: the smallest, whatever the order the rows came in (as PostgreSQL's min()).
    group.label = label;
  }
  return group;
}

export const countedStatus = {
  not_started: 'notStarted',
  late: 'late',
  in_progress: 'inProgress',
  completed: 'completed',
  revoked: 'revoked',
} as const satisfies Record<SummarizedRow['status'], keyof CompletionCounts>;

function count(counts: CompletionCounts, line: Omit<CountedRow, 'started'>, rows: number, enrolled: number): void {
  counts[countedStatus[line.status]] += rows;
  counts.enrolled += enrolled;
  counts.measuredMinutes += line.measuredMinutes;
}

function totalsOf(key: string, label: string, counts: CompletionCounts): CompletionTotals {
  const rate = counts.enrolled === 0 ? null : counts.completed / counts.enrolled;
  return {
    key,
    label,
    ...counts,
    rate,
    rateText: rate === null ? '—' : percentText(rate),
    hoursText: hoursText(counts.measuredMinutes),
  };
}
