import { type Request, type RequestHandler, type Response, Router } from 'express';
import { requireRole } from '../../accounts/guards.ts';
import type { Catalog } from '../../catalog/course.ts';
import type { Clock } from '../../shared/clock.ts';
import { InvalidInputError, NotFoundError } from '../../shared/errors.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { viewOf } from '../../structures/scope.ts';
import { parseSatisfactionFilters } from '../report-filters.ts';
import { type ReportScope, satisfactionReportPage } from '../report-page.ts';
import { exportSatisfaction } from '../use-cases/export-satisfaction.ts';

export interface ReportDeps {
  store: AppStore;
  clock: Clock;
  getCatalog: () => Catalog;
}

type ScopeOf = (req: Request, res: Response, deps: ReportDeps & { catalog: Catalog }) => Promise<ReportScope>;

/** HR sees the responses of the structures it reaches (decision 022), filterable by structure. */
const hrScope: ScopeOf = async (_req, res, deps) => {
  const view = await viewOf(deps.store, res.locals.user!, ['hr', 'admin']);
  return { path: '/hr/satisfaction', byStructure: true, reach: view.scope };
};
/** Trainers see one published course, never per structure. */
const studioScope: ScopeOf = async (req, _res, { catalog }) => {
  const course = String(req.params.course ?? '');
  if (!catalog.bySlug.has(course)) throw new NotFoundError();
  return { path: `/studio/courses/${course}/satisfaction`, course, byStructure: false };
};

/** HR's satisfaction results for every course, by period and structure, and their CSV. */
export function hrSatisfactionRoutes(deps: ReportDeps): Router {
  const hrOnly = requireRole('hr', 'admin');
  const router = Router();
  router.get('/hr/satisfaction', ...hrOnly, showReport(deps, hrScope));
  router.get('/hr/satisfaction/export.csv', ...hrOnly, exportReport(deps, hrScope));
  return router;
}

/** The studio's satisfaction results of one course (the studio's router already requires trainer or admin). */
export function studioSatisfactionRoutes(deps: ReportDeps): Router {
  const router = Router();
  router.get('/studio/courses/:course/satisfaction', showReport(deps, studioScope));
  router.get('/studio/courses/:course/satisfaction/export.csv', exportReport(deps, studioScope));
  return router;
}

function noStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
}

const showReport = (deps: ReportDeps, scopeOf: ScopeOf): RequestHandler =>
  async function showReport(req, res) {
    const catalog = deps.getCatalog();
    const page = await satisfactionReportPage(req.query, await scopeOf(req, res, { ...deps, catalog }), {
      store: deps.store,
      catalog,
    });
    noStore(res);
    res.status(Object.keys(page.errors).length > 0 ? 400 : 200).render('satisfaction/report', page);
  };

/** A filter that cannot be read is a 400 page: exporting without it would silently widen the file. */
const exportReport = (deps: ReportDeps, scopeOf: ScopeOf): RequestHandler =>
  async function exportReport(req, res) {
    const catalog = deps.getCatalog();
    const scope = await scopeOf(req, res, { ...deps, catalog });
    const query = scope.course ? { ...(req.query as object), course: scope.course } : req.query;
    const parsed = parseSatisfactionFilters(query, catalog);
    if (Object.keys(parsed.errors).length > 0) throw new InvalidInputError('unreadable satisfaction filters');
    if (!scope.byStructure) delete parsed.filters.structure;
    const format = req.query.format === 'rfc' ? 'rfc' : 'excel-fr';
    noStore(res);
    await exportSatisfaction(
      { filters: parsed.filters, actorId: res.locals.user!.id, format, reach: scope.reach },
      { store: deps.store, clock: deps.clock, catalog },
      (fileName) =>
        res.set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${fileName}"`,
        }),
    );
  };
