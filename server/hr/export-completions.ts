import { auditExport } from '../audit/audit-export.ts';
import { translate } from '../i18n/translate.ts';
import type { Clock } from '../shared/clock.ts';
import { InvalidInputError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { parseCompletionFilters } from './completion-filters.ts';
import type { CompletionRow } from './completion-row.ts';
import type { CompletionQuery, CompletionsSource } from './completions-source.ts';
import { parisDay } from './paris-day.ts';
import { writeCompletionsCsv } from './write-completions-csv.ts';
import { writeCompletionsXlsx } from './write-completions-xlsx.ts';

export type ExportFormat = 'csv-excel-fr' | 'csv-rfc' | 'xlsx';

/** A filter could not be read: exporting without it would silently widen a file of personal data. */
export class InvalidExportFiltersError extends InvalidInputError {}

export interface ExportFile {
  /** `realisations-2026-11-23.csv`: the Paris day of the export. */
  name: string;
  contentType: string;
}

export interface ExportDeps {
  store: Pick<AppStore, 'transact'>;
  completions: CompletionsSource;
  clock: Clock;
}

type Writer = (rows: AsyncIterable<CompletionRow>, out: NodeJS.WritableStream) => Promise<number>;

const files = {
  'csv-excel-fr': {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    write: (rows, out) => writeCompletionsCsv(rows, out, 'excel-fr'),
  },
  'csv-rfc': {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    write: (rows, out) => writeCompletionsCsv(rows, out, 'rfc'),
  },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: writeCompletionsXlsx,
  },
} satisfies Record<ExportFormat, { extension: string; contentType: string; write: Writer }>;

/**
 * Parse → audit → stream. The filters are read strictly; the export is recorded in the audit log in its
 * own durable transaction; only then is `open` called (once, before the first byte) and the rows written
 * into what it returns. Personal data never leaves without its audit entry.
 */
export async function exportCompletions(
  input: { query: unknown; format: ExportFormat; actorId: string },
  deps: ExportDeps,
  open: (file: ExportFile) => NodeJS.WritableStream,
): Promise<void> {
  const query = exportQuery(input.query);
  const now = deps.clock();
  await auditExport(deps.store, {
    at: now,
    actorId: input.actorId,
    action: 'report.completions_exported',
    target: null,
    details: { format: input.format, filters: appliedFilters(query) },
  });
  const file = files[input.format];
  const out = open({ name: fileName(now, file.extension), contentType: file.contentType });
  try {
    await file.write(deps.completions.list(query), out);
  } catch (error) {
    // The writer has already destroyed the stream; a download cancelled by the reader is not a fault.
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw error;
  }
}

/** The rows an export's GET parameters ask for (every page); throws `InvalidExportFiltersError` on a wrong one. */
export function exportQuery(parameters: unknown): CompletionQuery {
  const { filters, errors } = parseCompletionFilters(parameters);
  const wrong = Object.keys(errors);
  if (wrong.length > 0) throw new InvalidExportFiltersError(`wrong export filters: ${wrong.join(', ')}`);
  const { page: _page, ...query } = filters;
  return query;
}

/** The filters as the audit log keeps them: only those set, and the direction only with a sort. */
function appliedFilters(query: CompletionQuery): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([name, value]) => value !== undefined && !(name === 'dir' && !query.sort)),
  );
}

const pad = (value: number) => String(value).padStart(2, '0');

function fileName(now: Date, extension: string): string {
  const { year, month, day } = parisDay(now);
  return `${translate('hr.file.name')}-${year}-${pad(month)}-${pad(day)}.${extension}`;
}
