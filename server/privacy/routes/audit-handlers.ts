import { pipeline } from 'node:stream/promises';
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { paginate } from '../../shared/paginate.ts';
import { says } from '../../shared/says.ts';
import { auditActionLabel, auditActions } from '../audit-labels.ts';
import { type AuditFilter, auditEntries, detailsLine, peopleNamed } from '../audit-trail.ts';
import { csvStream } from '../csv-stream.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';
import { recordAuditExport } from '../use-cases/record-audit-export.ts';

const pageSize = 50;
/** A calendar day as a date field sends it (2026-12-31) or as a person types it (31/12/2026). */
const day = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return '';
    const typed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = typed ? `${typed[3]}-${typed[2]!.padStart(2, '0')}-${typed[1]!.padStart(2, '0')}` : text;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
    if (!valid) ctx.addIssue({ code: 'custom', message: says('privacy.audit.badDate').error() });
    return iso;
  });
const AuditQuery = z.object({
  action: z.union([z.literal(''), z.enum(auditActions, says('privacy.audit.badAction'))]).default(''),
  person: z.string().trim().max(200).default(''),
  from: day.default(''),
  to: day.default(''),
  page: z.coerce.number().int().min(1).catch(1),
});

function filterOf(query: z.output<typeof AuditQuery>): AuditFilter {
  return {
    action: query.action || undefined,
    person: query.person || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
  };
}

/** The filters as a query string, for the pager and the CSV link. */
const queryOf = (filter: AuditFilter) =>
  new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString();

async function render(res: Response, deps: PrivacyDeps, filter: AuditFilter, page: number, errors: FieldErrors) {
  const { t } = res.locals;
  const found = paginate(Object.keys(errors).length ? [] : await auditEntries(deps.store, filter), page, pageSize);
  const names = await peopleNamed(deps.store, found.items);
  const query = queryOf(filter);
  res.render('privacy/audit', {
    title: t('privacy.audit.title'),
    actions: auditActions.map((action) => ({ value: action, label: auditActionLabel(action, t) })),
    rows: found.items.map((e) => ({
      at: e.at,
      action: auditActionLabel(e.action, t),
      actor: e.actorId === null ? t('privacy.audit.system') : (names.get(e.actorId) ?? e.actorId),
      target: e.target === null ? '' : (names.get(e.target) ?? e.target),
      details: detailsLine(e.details),
    })),
    total: found.total,
    page: found.page,
    pages: found.pageCount,
    pageHref: (n: number) => `/admin/audit?${query}${query ? '&' : ''}page=${n}`,
    csvHref: `/admin/audit.csv${query ? `?${query}` : ''}`,
    values: filter,
    errors,
  });
}

/** Who did what and when, filterable by action, person and period, 50 entries a page. */
export function showAudit(deps: PrivacyDeps): RequestHandler {
  return async (req, res) => {
    const parsed = parseForm(AuditQuery, req.query);
    if (!parsed.ok) return render(res.status(400), deps, parsed.values, 1, parsed.errors);
    await render(res, deps, filterOf(parsed.data), parsed.data.page, {});
  };
}

/** The same entries as CSV for Excel; the download itself is recorded before the first byte. */
export function downloadAudit(deps: PrivacyDeps): RequestHandler {
  return async (req, res) => {
    const parsed = parseForm(AuditQuery, req.query);
    if (!parsed.ok) return render(res.status(400), deps, parsed.values, 1, parsed.errors);
    const filter = filterOf(parsed.data);
    const now = deps.clock();
    await recordAuditExport(deps, res.locals.user!.id, filter, now);
    const entries = await auditEntries(deps.store, filter);
    const names = await peopleNamed(deps.store, entries);
    const { t } = res.locals;
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="journal-audit-${now.toISOString().slice(0, 10)}.csv"`,
    });
    const rows = entries.map((e) => [
      e.at,
      auditActionLabel(e.action, t),
      e.actorId === null ? t('privacy.audit.system') : (names.get(e.actorId) ?? e.actorId),
      e.target === null ? '' : (names.get(e.target) ?? e.target),
      detailsLine(e.details),
    ]);
    await pipeline(csvStream(t('privacy.csv.auditTrail').split(';'), rows), res);
  };
}
