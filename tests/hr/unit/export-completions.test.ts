import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../server/audit/schema.ts';
import type { CompletionQuery, CompletionsSource } from '../../../server/hr/completions-source.ts';
import {
  type ExportFile,
  exportCompletions,
  InvalidExportFiltersError,
} from '../../../server/hr/export-completions.ts';
import type { ListedCompletion } from '../../../server/hr/listed-completion.ts';
import { UnavailableError } from '../../../server/shared/errors.ts';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import { collectOutput } from '../collect-output.ts';
import { makeCompletionRow } from '../make-completion-row.ts';
import { parseCsv } from '../parse-csv.ts';

const row: ListedCompletion = { ...makeCompletionRow(), userId: 'zoe', courseSlug: 'demo', certificateId: null };

/** Everything the use case touched, in order: audit writes, the file opened, the queries the source got. */
function harness(options: { auditFails?: boolean; now?: string } = {}) {
  const events: string[] = [];
  const audit: AuditEntry[] = [];
  const queries: CompletionQuery[] = [];
  const output = collectOutput();
  let opened: ExportFile | undefined;
  const store = {
    transact: async <R>(fn: (tx: never) => R | Promise<R>): Promise<R> => {
      const tx = {
        put: (collection: string, entry: AuditEntry) => {
          if (options.auditFails) throw new StoreUnavailableError('disque plein');
          events.push(`put ${collection}`);
          audit.push(entry);
          return entry;
        },
      };
      const result = await fn(tx as never);
      events.push('durable');
      return result;
    },
  };
  const completions: CompletionsSource = {
    async *list(query) {
      queries.push(query);
      events.push('rows read');
      yield row;
    },
    page: () => Promise.reject(new Error('an export never asks for a page')),
  };
  const deps = { store, completions, clock: () => new Date(options.now ?? '2026-11-23T09:00:00Z') };
  const open = (file: ExportFile) => {
    events.push('file opened');
    opened = file;
    return output.stream;
  };
  return { events, audit, queries, output, deps, open, opened: () => opened };
}

describe('exportCompletions', () => {
  it('records the export in the audit log, durably, before it opens the file and reads a row', async () => {
    const h = harness();
    await exportCompletions({ query: { course: 'demo' }, format: 'csv-excel-fr', actorId: 'rose' }, h.deps, h.open);
    expect(h.events).toEqual(['put audit', 'durable', 'file opened', 'rows read']);
    expect(h.audit).toEqual([
      expect.objectContaining({
        actorId: 'rose',
        action: 'report.completions_exported',
        at: '2026-11-23T09:00:00.000Z',
        details: { format: 'csv-excel-fr', filters: { course: 'demo' } },
      }),
    ]);
    const [header, written] = parseCsv(h.output.text().slice(1), ';');
    expect(header?.[0]).toBe('Nom');
    expect(written?.[0]).toBe('Zoé Lefèvre');
  });

  it('fails as unavailable, opening no file, when the audit entry cannot be written', async () => {
    const h = harness({ auditFails: true });
    const exporting = exportCompletions({ query: {}, format: 'xlsx', actorId: 'rose' }, h.deps, h.open);
    await expect(exporting).rejects.toBeInstanceOf(UnavailableError);
    expect(h.events).toEqual([]);
    expect(h.output.bytes()).toHaveLength(0);
  });

  it('refuses a filter it cannot read before auditing anything, rather than export more than was asked', async () => {
    const h = harness();
    const exporting = exportCompletions(
      { query: { from: '31/12/2026', course: 'demo' }, format: 'csv-rfc', actorId: 'rose' },
      h.deps,
      h.open,
    );
    await expect(exporting).rejects.toBeInstanceOf(InvalidExportFiltersError);
    expect(h.events).toEqual([]);
  });

  it('asks the source for every page, and audits only the filters set (the direction only with a sort)', async () => {
    const h = harness();
    const query = { status: 'completed', structure: '', dir: 'desc', page: '3' };
    await exportCompletions({ query, format: 'csv-rfc', actorId: 'rose' }, h.deps, h.open);
    expect(h.queries).toEqual([{ status: 'completed', dir: 'desc' }]);
    expect(h.audit[0]?.details).toEqual({ format: 'csv-rfc', filters: { status: 'completed' } });
  });

  it('names the file after the day in Paris, with the type of its format', async () => {
    const late = harness({ now: '2026-11-23T23:30:00Z' });
    await exportCompletions({ query: {}, format: 'xlsx', actorId: 'rose' }, late.deps, late.open);
    expect(late.opened()).toEqual({
      name: 'realisations-2026-11-24.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const csv = harness();
    await exportCompletions({ query: {}, format: 'csv-rfc', actorId: 'rose' }, csv.deps, csv.open);
    expect(csv.opened()).toEqual({ name: 'realisations-2026-11-23.csv', contentType: 'text/csv; charset=utf-8' });
  });
});
