import type { Page } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { OutboxStatus } from '../store/outbox/outbox-fields.ts';
import { outboxCounts, outboxPage } from '../store/outbox/outbox-queries.ts';
import type { LrsStatement } from './schema.ts';

/** The statements in one state, newest first, a page at a time (for /admin/lrs). */
export function lrsStatementsWithStatus(
  store: AppStore,
  status: OutboxStatus,
  page: number,
  pageSize: number,
): Promise<Page<Readonly<LrsStatement>>> {
  return outboxPage(store, 'lrsStatements', status, page, pageSize);
}

/** How many statements are in each state, for the page's tabs. */
export function lrsStatementCounts(store: AppStore): Promise<Record<OutboxStatus, number>> {
  return outboxCounts(store, 'lrsStatements');
}
