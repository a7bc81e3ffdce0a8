import { type Request, type RequestHandler, type Response, Router } from 'express';
import { requireRole } from '../accounts/guards.ts';
import type { Catalog } from '../catalog/course.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { postgresSqlOf } from '../store/postgres/postgres-sql-of.ts';
import { viewOf } from '../structures/scope.ts';
import { exportStatements, type StatementsFormat } from '../xapi/use-cases/export-statements.ts';
import { activityRoutes } from './activity/activity-routes.ts';
import { parseCompletionFilters } from './completion-filters.ts';
import { completionsFromPostgres } from './completions-from-postgres.ts';
import { type CompletionsSource, completionsFromStore } from './completions-source.ts';
import { dashboardPage } from './dashboard-page.ts';
import { type ExportFormat, exportCompletions, exportQuery, InvalidExportFiltersError } from './export-completions.ts';
import { learnerPage } from './learner-page.ts';
import { progressionRoutes } from './progression-routes.ts';
import { scopedCompletions } from './scoped-completions.ts';

export interface HrDeps {
  store: AppStore;
  getCatalog: () => Catalog;
  clock: Clock;
  config: Pick<Config, 'baseUrl' | 'xapiActor' | 'org'>;
  /** Where the rows come from; the store by default. */
  completions?: CompletionsSource;
}

type Handler = (deps: Required<HrDeps>) => RequestHandler;

const hrRoles = ['hr', 'admin'] as const;

/**
 * HR follow-up (« Suivi RH »): the completions dashboard, one learner's page and the exports; roles hr and
 * admin. Every answer holds personal data: none may be kept by a browser or a proxy.
 */
export function hrRoutes(deps: HrDeps): Router {
  const sql = postgresSqlOf(deps.store);
  // On PostgreSQL the database joins and filters the rows; in the embedded store they are read in memory.
  const completions =
    deps.completions ??
    (sql
      ? completionsFromPostgres(sql, deps.store, deps.getCatalog, deps.clock)
      : completionsFromStore(deps.store, deps.getCatalog, deps.clock));
  const all = { ...deps, completions };
  const hrOnly = requireRole(...hrRoles);
  const router = Router();
  router.use('/hr', noStore);
  router.get('/hr', ...hrOnly, showDashboard(all));
  router.get('/hr/learners/:id', ...hrOnly, showLearner(all));
  router.use(progressionRoutes(deps));
  router.use(activityRoutes(all));
  router.head(['/hr/exports/completions.csv', '/hr/exports/completions.xlsx'], ...hrOnly, checkExport);
  router.get('/hr/exports/completions.csv', ...hrOnly, exportCsv(all));
  router.get('/hr/exports/completions.xlsx', ...hrOnly, exportXlsx(all));
  router.get('/hr/exports/statements.json', ...hrOnly, exportXapi(all, 'json'));
  router.get('/hr/exports/statements.jsonl', ...hrOnly, exportXapi(all, 'jsonl'));
  return router;
}

const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** The deps of one request: rows limited to what the signed-in person reaches as hr or admin. */
async function inScope(deps: Required<HrDeps>, res: Response) {
  const view = await viewOf(deps.store, res.locals.user!, hrRoles);
  return { ...deps, view, completions: scopedCompletions(deps.completions, view.tree, view.scope) };
}

const showDashboard: Handler = (deps) =>
  async function showDashboard(req, res) {
    const parsed = parseCompletionFilters(req.query);
    const page = await dashboardPage(parsed, { ...(await inScope(deps, res)), catalog: deps.getCatalog() });
    res.status(Object.keys(parsed.errors).length > 0 ? 400 : 200).render('hr/dashboard', page);
  };

const showLearner: Handler = (deps) =>
  async function showLearner(req, res) {
    const scoped = await inScope(deps, res);
    res.render('hr/learner', await learnerPage(String(req.params.id), { ...scoped, catalog: deps.getCatalog() }));
  };

/** HEAD sends no data, so it is neither exported nor audited; a wrong filter still goes back to the dashboard. */
function checkExport(req: Request, res: Response): void {
  try {
    exportQuery(req.query);
  } catch (error) {
    redirectOnWrongFilters(error, req, res);
    return;
  }
  res.end();
}

const exportCsv: Handler = (deps) =>
  async function exportCsv(req, res) {
    await sendExport(deps, req, res, req.query.format === 'rfc' ? 'csv-rfc' : 'csv-excel-fr');
  };

const exportXlsx: Handler = (deps) =>
  async function exportXlsx(req, res) {
    await sendExport(deps, req, res, 'xlsx');
  };

async function sendExport(deps: Required<HrDeps>, req: Request, res: Response, format: ExportFormat): Promise<void> {
  const input = { query: req.query, format, actorId: res.locals.user!.id };
  try {
    await exportCompletions(input, await inScope(deps, res), (file) =>
      res.set({
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.name}"`,
      }),
    );
  } catch (error) {
    redirectOnWrongFilters(error, req, res);
  }
}

/** A course's xAPI statements; an unknown course is a 400 page that says to choose one. */
const exportXapi = (deps: Required<HrDeps>, format: StatementsFormat): RequestHandler =>
  async function exportXapi(req, res) {
    const statementsDeps = {
      ...(await inScope(deps, res)),
      baseUrl: deps.config.baseUrl,
      actorMode: deps.config.xapiActor,
    };
    await exportStatements({ query: req.query, format, actorId: res.locals.user!.id }, statementsDeps, (file) =>
      res.set({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.name}"` }),
    );
  };

/** A wrong filter goes back to the dashboard with the same parameters, where its error shows next to its field. */
function redirectOnWrongFilters(error: unknown, req: Request, res: Response): void {
  if (!(error instanceof InvalidExportFiltersError)) throw error;
  const search = req.originalUrl.indexOf('?');
  res.redirect(303, `/hr${search === -1 ? '' : req.originalUrl.slice(search)}`);
}
