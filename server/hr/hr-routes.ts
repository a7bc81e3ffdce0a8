import { type Request, type Response, Router } from 'express';
import { requireRole } from '../accounts/guards.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CourseRouteDeps } from '../catalog/course-routes.ts';
import { HttpError } from '../http/http-error.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { certificateStatusLabels, completionStatusLabels, parisDay } from './completion-columns.ts';
import {
  type CompletionFilters,
  type CompletionSort,
  completionPageSize,
  parseCompletionFilters,
} from './completion-filters.ts';
import { type ListedCompletion, listCompletions } from './list-completions.ts';
import { summarizeCompletions } from './summarize-completions.ts';
import { type CsvFormat, writeCompletionsCsv } from './write-completions-csv.ts';
import { writeCompletionsXlsx } from './write-completions-xlsx.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The parameters a link carries, in a fixed order so bookmarked URLs stay identical. */
const linkedParams = ['from', 'to', 'structure', 'course', 'status', 'sort', 'dir', 'page'] as const;
type LinkedParam = (typeof linkedParams)[number];

/** `?from=…&course=…` from the valid filters, with overrides; defaults (asc, page 1) are left out. */
function queryOf(filters: CompletionFilters, overrides: Partial<Record<LinkedParam, string | number>> = {}): string {
  const params = new URLSearchParams();
  for (const name of linkedParams) {
    const value = name in overrides ? overrides[name] : filters[name];
    if (value === undefined || value === '' || (name === 'dir' && value === 'asc') || (name === 'page' && value === 1))
      continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const pad = (value: number) => String(value).padStart(2, '0');
function formatDay(instant: Date | null): string {
  if (!instant) return '';
  const { year, month, day } = parisDay(instant);
  return `${pad(day)}/${pad(month)}/${year}`;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every structure named on an account, for the filter's list (10,000 accounts take about a millisecond). */
async function listStructures(store: AppStore): Promise<string[]> {
  const structures = new Set<string>();
  for await (const user of store.all('users')) structures.add(user.structure);
  return [...structures].sort(collator.compare);
}

/** The completions table's columns; those with a key sort the table. */
const tableColumns: { label: string; key?: CompletionSort }[] = [
  { label: 'Nom', key: 'name' },
  { label: 'Structure', key: 'structure' },
  { label: 'Formation', key: 'course' },
  { label: 'Statut', key: 'status' },
  { label: 'Début' },
  { label: 'Terminé le', key: 'completedAt' },
  { label: 'Temps mesuré' },
  { label: 'Note finale' },
  { label: 'Attestation' },
];

/** HR follow-up: the completions dashboard, one learner's courses, and the CSV/XLSX exports. Roles hr and admin. */
export function hrRoutes(deps: CourseRouteDeps): Router {
  const { store, getCatalog, clock } = deps;
  const router = Router();
  const hrOnly = requireRole('hr', 'admin');

  router.get('/hr', ...hrOnly, async (req, res) => {
    const { filters, errors, values } = parseCompletionFilters(req.query);
    const catalog = getCatalog();
    const sort = filters.sort ?? 'name';
    const rows: ListedCompletion[] = [];
    for await (const row of listCompletions(store, catalog, { ...filters, sort })) rows.push(row);
    const pageCount = Math.max(1, Math.ceil(rows.length / completionPageSize));
    const page = Math.min(filters.page, pageCount);
    const courseOptions = catalog.courses.map((course) => ({ value: course.slug, label: course.title }));
    // A course no longer published can still be filtered on from a bookmark or the totals table.
    if (filters.course && !catalog.bySlug.has(filters.course)) {
      const title = rows.find((row) => row.courseSlug === filters.course)?.course ?? filters.course;
      courseOptions.push({ value: filters.course, label: `${title} (plus publiée)` });
    }
    const filterQuery = queryOf(filters, { page: 1 });
    const exportQuery = queryOf(filters, { page: 1, ...(filters.sort ? {} : { dir: 'asc' }) });
    res.status(Object.keys(errors).length > 0 ? 400 : 200).render('hr/dashboard', {
      title: 'Suivi des formations',
      noindex: true,
      filters,
      errors,
      // A date input may only hold a valid date: a wrong one is named in its error message instead.
      values: Object.fromEntries(
        Object.entries(values).filter(([name]) => !((name === 'from' || name === 'to') && errors[name])),
      ),
      structures: await listStructures(store),
      courseOptions,
      statusLabels: completionStatusLabels,
      certificateStatusLabels,
      rows: rows.slice((page - 1) * completionPageSize, page * completionPageSize),
      total: rows.length,
      page,
      pageCount,
      summary: summarizeCompletions(rows),
      columns: tableColumns.map((column) => {
        if (!column.key) return column;
        const current = sort === column.key;
        const dir = current && filters.dir === 'asc' ? 'desc' : 'asc';
        return {
          ...column,
          ariaSort: current ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined,
          href: `/hr${queryOf(filters, { sort: column.key, dir, page: 1 })}`,
        };
      }),
      pageHref: (target: number) => `/hr${queryOf(filters, { page: target })}`,
      filterHref: (overrides: Partial<Record<LinkedParam, string>>) =>
        `/hr${queryOf(filters, { page: 1, ...overrides })}`,
      clearHref: '/hr',
      hasFilters: filterQuery !== '',
      exports: {
        csv: `/hr/exports/completions.csv${exportQuery}`,
        rfc: `/hr/exports/completions.csv${exportQuery ? `${exportQuery}&` : '?'}format=rfc`,
        xlsx: `/hr/exports/completions.xlsx${exportQuery}`,
      },
      formatDay,
    });
  });

  router.get('/hr/learners/:id', ...hrOnly, async (req, res) => {
    const learner = await store.get('users', req.params.id as string);
    if (!learner) throw new NotFoundError();
    const catalog = getCatalog();
    const rows: ListedCompletion[] = [];
    for await (const row of listCompletions(store, catalog, { userId: learner.id, sort: 'course' })) rows.push(row);
    const attempts = new Map<string, { count: number; best: number }>();
    for (const attempt of await store.findBy('attempts', 'userId', learner.id)) {
      const seen = attempts.get(attempt.course) ?? { count: 0, best: 0 };
      attempts.set(attempt.course, { count: seen.count + 1, best: Math.max(seen.best, attempt.score) });
    }
    const certificates = [...(await store.findBy('certificates', 'userId', learner.id))].sort(
      (a, b) => Date.parse(b.snapshot.issuedAt) - Date.parse(a.snapshot.issuedAt),
    );
    res.render('hr/learner', {
      title: `${learner.name} — suivi des formations`,
      noindex: true,
      learner,
      rows,
      attempts,
      certificates,
      notStarted: catalog.courses.filter((course) => !rows.some((row) => row.courseSlug === course.slug)),
      statusLabels: completionStatusLabels,
      certificateStatusLabels,
      formatDay,
      formatIsoDay: (iso: string) => formatDay(new Date(iso)),
    });
  });

  router.get('/hr/exports/completions.csv', ...hrOnly, async (req, res) => {
    const format: CsvFormat = req.query.format === 'rfc' ? 'rfc' : 'excel-fr';
    await sendExport(req, res, format === 'rfc' ? 'csv-rfc' : 'csv-excel-fr', async (rows) => {
      res.set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(clock(), 'csv')}"`,
      });
      await writeCompletionsCsv(rows, res, format);
    });
  });

  router.get('/hr/exports/completions.xlsx', ...hrOnly, async (req, res) => {
    await sendExport(req, res, 'xlsx', async (rows) => {
      res.set({
        'Content-Type': xlsxType,
        'Content-Disposition': `attachment; filename="${fileName(clock(), 'xlsx')}"`,
      });
      await writeCompletionsXlsx(rows, res);
    });
  });

  /** Parse → audit → stream. Personal data leaves only once the audit entry is durable. */
  async function sendExport(
    req: Request,
    res: Response,
    format: 'csv-excel-fr' | 'csv-rfc' | 'xlsx',
    write: (rows: AsyncIterable<ListedCompletion>) => Promise<void>,
  ): Promise<void> {
    const { filters, errors } = parseCompletionFilters(req.query);
    // A wrong filter would widen the file silently: show it on the dashboard instead.
    if (Object.keys(errors).length > 0) {
      const search = req.originalUrl.indexOf('?');
      res.redirect(303, `/hr${search === -1 ? '' : req.originalUrl.slice(search)}`);
      return;
    }
    // HEAD sends no data, so it is neither exported nor audited.
    if (req.method === 'HEAD') {
      res.set('Cache-Control', 'no-store').end();
      return;
    }
    const { page: _page, ...query } = filters;
    const applied = Object.fromEntries(
      Object.entries(query).filter(([name, value]) => value !== undefined && !(name === 'dir' && !query.sort)),
    );
    try {
      await store.transact((tx) => {
        recordAudit(tx, {
          at: clock(),
          actorId: res.locals.user!.id,
          action: 'report.completions_exported',
          target: null,
          details: { format, filters: applied },
        });
      });
    } catch (error) {
      throw Object.assign(new HttpError(503, 'error.503.title', 'error.503.body'), { cause: error });
    }
    res.set('Cache-Control', 'no-store');
    try {
      await write(listCompletions(store, getCatalog(), query));
    } catch (error) {
      // The writer has already destroyed the response; a download cancelled by the reader is not a fault.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      throw error;
    }
  }

  return router;
}

/** `realisations-2026-11-23.csv`: the Paris day of the export. */
function fileName(now: Date, extension: 'csv' | 'xlsx'): string {
  const { year, month, day } = parisDay(now);
  return `realisations-${year}-${pad(month)}-${pad(day)}.${extension}`;
}
