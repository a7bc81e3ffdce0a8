import { UnavailableError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { type AuditInput, recordAudit } from './record-audit.ts';

/**
 * Records an export of personal data in its own durable transaction, before the first byte leaves:
 * when the entry cannot be written, nothing is exported (503).
 */
export async function auditExport(store: Pick<AppStore, 'transact'>, entry: AuditInput): Promise<void> {
  try {
    await store.transact((tx) => {
      recordAudit(tx, entry);
    });
  } catch (error) {
    throw new UnavailableError('the export could not be recorded in the audit log', { cause: error });
  }
}
