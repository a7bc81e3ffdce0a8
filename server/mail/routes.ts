import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { requireNetworkRole } from '../accounts/guards.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { emailCounts, emailsWithStatus } from './queries.ts';
import { emailStatuses } from './schema.ts';
import { resendEmail } from './use-cases/resend-email.ts';

export interface MailRouteDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
}

/** The outbox for administrators: queued, sent and failed messages, and « Renvoyer » for a failed one. */
export function mailRoutes(deps: MailRouteDeps): Router {
  const router = Router();
  const admin = requireNetworkRole('admin');
  router.get('/admin/emails', ...admin, showEmails(deps));
  router.post('/admin/emails/:id/resend', ...admin, submitResend(deps));
  return router;
}

const pageSize = 50;
const ListQuery = z.object({
  status: z.enum(emailStatuses).catch('queued'),
  page: z.coerce.number().int().min(1).catch(1),
  done: z.literal('resent').optional().catch(undefined),
});

function showEmails({ store, config }: MailRouteDeps): RequestHandler {
  return async (req, res) => {
    const query = ListQuery.parse(req.query);
    const found = await emailsWithStatus(store, query.status, query.page, pageSize);
    res.render('admin/emails', {
      title: res.locals.t('mail.admin.title'),
      from: config.mail?.from ?? null,
      status: query.status,
      statuses: emailStatuses,
      counts: await emailCounts(store),
      emails: found.items,
      total: found.total,
      page: found.page,
      pages: found.pageCount,
      pageHref: (n: number) => `/admin/emails?status=${query.status}${n > 1 ? `&page=${n}` : ''}`,
      notice: query.done ? res.locals.t('mail.admin.resent') : undefined,
    });
  };
}

function submitResend(deps: MailRouteDeps): RequestHandler {
  return async (req, res) => {
    await resendEmail({ actorId: res.locals.user!.id, emailId: String(req.params.id) }, deps);
    res.redirect(303, '/admin/emails?status=queued&done=resent');
  };
}
