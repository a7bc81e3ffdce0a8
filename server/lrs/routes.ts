import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { requireNetworkRole } from '../accounts/guards.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { outboxStatuses } from '../store/outbox/outbox-fields.ts';
import { lrsStatementCounts, lrsStatementsWithStatus } from './queries.ts';
import { resendStatements } from './use-cases/resend-statements.ts';

export interface LrsRouteDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
}

/** The LRS outbox for administrators: queued, sent and failed statements, and « Renvoyer ». */
export function lrsRoutes(deps: LrsRouteDeps): Router {
  const router = Router();
  const admin = requireNetworkRole('admin');
  router.get('/admin/lrs', ...admin, showStatements(deps));
  router.post('/admin/lrs/resend', ...admin, submitResend(deps));
  router.post('/admin/lrs/:id/resend', ...admin, submitResend(deps));
  return router;
}

const pageSize = 50;
const ListQuery = z.object({
  status: z.enum(outboxStatuses).catch('queued'),
  page: z.coerce.number().int().min(1).catch(1),
  resent: z.coerce.number().int().min(0).optional().catch(undefined),
});

function showStatements({ store, config }: LrsRouteDeps): RequestHandler {
  return async (req, res) => {
    const query = ListQuery.parse(req.query);
    const found = await lrsStatementsWithStatus(store, query.status, query.page, pageSize);
    res.render('admin/lrs', {
      title: res.locals.t('lrs.admin.title'),
      endpoint: config.lrs?.endpoint ?? null,
      status: query.status,
      statuses: outboxStatuses,
      counts: await lrsStatementCounts(store),
      statements: found.items,
      total: found.total,
      page: found.page,
      pages: found.pageCount,
      pageHref: (n: number) => `/admin/lrs?status=${query.status}${n > 1 ? `&page=${n}` : ''}`,
      notice: query.resent === undefined ? undefined : res.locals.t('lrs.admin.resent', { count: query.resent }),
    });
  };
}

function submitResend(deps: LrsRouteDeps): RequestHandler {
  return async (req, res) => {
    const statementId = req.params.id === undefined ? undefined : String(req.params.id);
    const count = await resendStatements({ actorId: res.locals.user!.id, statementId }, deps);
    res.redirect(303, `/admin/lrs?status=queued&resent=${count}`);
  };
}
