import { type Page, paginate } from '../shared/paginate.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { Email, EmailStatus } from './schema.ts';

/** The messages in one state, newest first, a page at a time (for /admin/emails). */
export async function emailsWithStatus(
  store: AppStore,
  status: EmailStatus,
  page: number,
  pageSize: number,
): Promise<Page<Readonly<Email>>> {
  const rows = await store.findBy('emails', 'status', status);
  const sorted = [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return paginate(sorted, page, pageSize);
}

/** How many messages are in each state, for the page's tabs. */
export async function emailCounts(store: AppStore): Promise<Record<EmailStatus, number>> {
  const [queued, sending, sent, failed] = await Promise.all(
    (['queued', 'sending', 'sent', 'failed'] as const).map(
      async (s) => (await store.findBy('emails', 'status', s)).length,
    ),
  );
  return { queued: queued!, sending: sending!, sent: sent!, failed: failed! };
}
