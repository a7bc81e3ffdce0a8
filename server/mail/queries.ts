import type { Page } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import { outboxCounts, outboxPage } from '../store/outbox/outbox-queries.ts';
import type { Email, EmailStatus } from './schema.ts';

/** The messages in one state, newest first, a page at a time (for /admin/emails). */
export function emailsWithStatus(
  store: AppStore,
  status: EmailStatus,
  page: number,
  pageSize: number,
): Promise<Page<Readonly<Email>>> {
  return outboxPage(store, 'emails', status, page, pageSize);
}

/** How many messages are in each state, for the page's tabs. */
export function emailCounts(store: AppStore): Promise<Record<EmailStatus, number>> {
  return outboxCounts(store, 'emails');
}
