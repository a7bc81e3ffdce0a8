import { recordAudit } from '../../audit/record-audit.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';

/** A person downloaded their own data: noted, like every export of personal data. */
export async function recordDataExport(
  { store }: Pick<PrivacyDeps, 'store'>,
  userId: string,
  now: Date,
): Promise<void> {
  await store.transact((tx) => {
    recordAudit(tx, { at: now, actorId: userId, action: 'privacy.data_exported', target: userId });
  });
}
