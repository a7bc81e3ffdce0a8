import { auditExport } from '../../audit/audit-export.ts';
import type { Catalog } from '../../catalog/course.ts';
import type { Clock } from '../../shared/clock.ts';
import type { CsvFormat } from '../../shared/csv/write-csv.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { type LearnerActivity, learnerActivity } from './learner-activity.ts';
import { writeActivityCsv } from './write-activity-csv.ts';

export type ActivityFormat = 'pdf' | CsvFormat;

export interface ActivityFile {
  /** `activite-2026-11-23.pdf`: no name in it, since file names end up in logs and download lists. */
  name: string;
  contentType: string;
}

/**
 * One learner's activity record for a funder. Read → audit (its own durable transaction, like every
 * export of personal data) → written into what `open` returns, once, before the first byte.
 */
export async function exportLearnerActivity(
  input: { userId: string; actorId: string; format: ActivityFormat },
  deps: { store: AppStore; clock: Clock; catalog: Catalog; organisation: string },
  open: (file: ActivityFile) => NodeJS.WritableStream,
): Promise<void> {
  const activity = await learnerActivity(deps.store, deps.catalog, input.userId);
  const now = deps.clock();
  await auditExport(deps.store, {
    at: now,
    actorId: input.actorId,
    action: 'report.activity_exported',
    target: input.userId,
    details: { format: input.format, courses: activity.courses.length },
  });
  const day = now.toISOString().slice(0, 10);
  if (input.format === 'pdf') return sendPdf(activity, deps.organisation, now, open(pdfFile(day)));
  await writeActivityCsv(
    activity,
    open({ name: `activite-${day}.csv`, contentType: 'text/csv; charset=utf-8' }),
    input.format,
  );
}

const pdfFile = (day: string): ActivityFile => ({ name: `activite-${day}.pdf`, contentType: 'application/pdf' });

async function sendPdf(activity: LearnerActivity, organisation: string, now: Date, out: NodeJS.WritableStream) {
  // pdfkit is loaded on the first PDF asked for: imported with the HR routes, it cost every instance's first
  // dashboard ~150 ms of CPU (decision 025, as for certificates and job aids).
  const { renderActivityPdf } = await import('./render-activity-pdf.ts');
  const bytes = await renderActivityPdf(activity, { organisation, now });
  out.end(bytes);
}
