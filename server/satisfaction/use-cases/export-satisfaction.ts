import { auditExport } from '../../audit/audit-export.ts';
import type { Catalog } from '../../catalog/course.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../shared/clock.ts';
import { type CsvFormat, csvText, writeCsv } from '../../shared/csv/write-csv.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { inScope, type Scope } from '../../structures/scope.ts';
import { satisfactionResponses } from '../queries.ts';
import { satisfactionItems } from '../satisfaction-form.ts';
import type { SatisfactionResponse } from '../schema.ts';
import { matchesFilters, minimumResponses, type SatisfactionFilters } from '../summarize-satisfaction.ts';

const header = () => [
  translate('satisfaction.csv.course'),
  translate('satisfaction.csv.version'),
  ...satisfactionItems.map((item) => translate(`satisfaction.csv.${item}`)),
  translate('satisfaction.csv.comment'),
];

/**
 * The matching responses, one row each, without structure or month (which, crossed, could point at a
 * person), sorted so the order says nothing of who answered first; only courses with 3 responses or more.
 * The export is recorded in the audit log before the first byte, like every report export.
 */
export async function exportSatisfaction(
  input: { filters: SatisfactionFilters; actorId: string; format: CsvFormat; reach?: Scope },
  deps: { store: AppStore; clock: Clock; catalog: Catalog },
  open: (fileName: string) => NodeJS.WritableStream,
): Promise<void> {
  const now = deps.clock();
  const rows = (await satisfactionResponses(deps.store, input.filters.course)).filter(
    (r) => (!input.reach || inScope(input.reach, r.structure)) && matchesFilters(r, input.filters),
  );
  const perCourse = new Map<string, number>();
  for (const row of rows) perCourse.set(row.course, (perCourse.get(row.course) ?? 0) + 1);
  const shown = rows.filter((row) => (perCourse.get(row.course) ?? 0) >= minimumResponses);
  await auditExport(deps.store, {
    at: now,
    actorId: input.actorId,
    action: 'report.satisfaction_exported',
    target: input.filters.course ?? null,
    details: { filters: input.filters, rows: shown.length },
  });
  const records = [header(), ...shown.map((row) => record(row, deps.catalog)).sort(compareRecords)];
  await writeCsv(records, open(`satisfaction-${now.toISOString().slice(0, 10)}.csv`), input.format);
}

function record(row: Readonly<SatisfactionResponse>, catalog: Catalog): string[] {
  return [
    csvText(catalog.bySlug.get(row.course)?.title ?? row.course),
    String(row.courseVersion),
    ...satisfactionItems.map((item) => (row[item] === null ? '' : String(row[item]))),
    csvText(row.comment),
  ];
}

function compareRecords(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = a[i]!.localeCompare(b[i]!, 'fr');
    if (order !== 0) return order;
  }
  return 0;
}
