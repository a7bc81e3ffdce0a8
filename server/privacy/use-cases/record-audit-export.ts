import { recordAudit } from '../../audit/record-audit.ts';
import type { AuditFilter } from '../audit-trail.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';

/** The audit trail itself names people: downloading it is recorded, with the filters used. */
export async function recordAuditExport(
  { store }: Pick<PrivacyDeps, 'store'>,
  actorId: string,
  filter: AuditFilter,
  now: Date,
): Promise<void> {
  await store.transact((tx) => {
    recordAudit(tx, { at: now, actorId, action: 'audit.exported', target: null, details: { ...filter } });
  });
}
