import { randomUUID } from 'node:crypto';
import type { AppCollections } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import type { AuditEntry } from './schema.ts';

export interface AuditInput {
  at: Date;
  /** Null when the change comes from the command line or the system itself. */
  actorId: string | null;
  /** `domain.verb_past`, e.g. `user.role_changed`, `certificate.revoked`. */
  action: string;
  target: string | null;
  details?: Record<string, unknown>;
}

/** Writes who did what to whom in the caller's transaction, so the trace exists exactly when the change does. */
export function recordAudit(tx: Tx<AppCollections>, entry: AuditInput): Readonly<AuditEntry> {
  return tx.put('audit', {
    id: randomUUID(),
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    details: entry.details ?? {},
  });
}
