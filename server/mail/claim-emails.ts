import type { AppStore } from '../store/app-collections.ts';
import { type Claim, claimDue } from '../store/outbox/claim-due.ts';
import type { Email } from './schema.ts';

export type { Claim } from '../store/outbox/claim-due.ts';

/**
 * Takes up to `limit` messages due for sending with this worker's lease: queued ones whose back-off has
 * passed, and ones whose sender's lease ran out (a crash, a kill -9). The outbox queue shared with the
 * xAPI forwarder does the claiming (store/outbox/claim-due.ts, decision 010).
 */
export function claimDueEmails(store: AppStore, claim: Claim): Promise<Readonly<Email>[]> {
  return claimDue(store, 'emails', claim);
}
