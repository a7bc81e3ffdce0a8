import { type Page, paginate } from '../../shared/paginate.ts';
import type { AppStore } from '../app-collections.ts';
import { type OutboxName, type OutboxRowOf, rowsWithStatus } from './outbox-collection.ts';
import { type OutboxStatus, outboxStatuses } from './outbox-fields.ts';

/** The rows of an outbox in one state, newest first, a page at a time (for the admin pages). */
export async function outboxPage<K extends OutboxName>(
  store: AppStore,
  coll: K,
  status: OutboxStatus,
  page: number,
  pageSize: number,
): Promise<Page<OutboxRowOf<K>>> {
  const rows = await rowsWithStatus(store, coll, status);
  const sorted = [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return paginate(sorted, page, pageSize);
}

/** How many rows of an outbox are in each state, for the admin pages' tabs. */
export async function outboxCounts(store: AppStore, coll: OutboxName): Promise<Record<OutboxStatus, number>> {
  const counts = await Promise.all(outboxStatuses.map(async (s) => (await rowsWithStatus(store, coll, s)).length));
  return Object.fromEntries(outboxStatuses.map((s, i) => [s, counts[i]!])) as Record<OutboxStatus, number>;
}
