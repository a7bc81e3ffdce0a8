import { recordAudit } from '../../audit/record-audit.ts';
import type { Config } from '../../config.ts';
import { translate } from '../../i18n/translate.ts';
import type { AppTx } from '../../store/app-collections.ts';
import { findErasure } from '../queries.ts';
import { type EraseDeps, erasePerson } from '../use-cases/erase-person.ts';
import { planRetention, type RetentionItem } from './plan-retention.ts';
import {
  accountDue,
  answersDue,
  auditDue,
  type Cutoffs,
  certificateNameDue,
  cutoffsAt,
  emailDue,
  type RetentionKind,
} from './retention-rules.ts';

export type RetentionDeps = EraseDeps & { config: Config };

export interface RetentionReport {
  /** With `dryRun`, what would go; otherwise what went. */
  items: RetentionItem[];
  dryRun: boolean;
}

const batchSize = 500;

/** Removes one row if it is still due (it may have changed since the plan): true when it went. */
async function removeIfDue(tx: AppTx, item: RetentionItem, cutoffs: Cutoffs): Promise<boolean> {
  switch (item.kind) {
    case 'answers': {
      const row = await tx.get('attempts', item.id);
      if (!row || !answersDue(row, cutoffs)) return false;
      tx.delete('attempts', item.id);
      return true;
    }
    case 'audit': {
      const row = await tx.get('audit', item.id);
      if (!row || !auditDue(row, cutoffs)) return false;
      tx.delete('audit', item.id);
      return true;
    }
    case 'email': {
      const row = await tx.get('emails', item.id);
      if (!row || !emailDue(row, cutoffs)) return false;
      tx.delete('emails', item.id);
      return true;
    }
    case 'certificateName': {
      const row = await tx.get('certificates', item.id);
      if (!row || !certificateNameDue(row, cutoffs)) return false;
      const learnerName = translate('privacy.erased.holder');
      tx.put('certificates', { ...row, snapshot: { ...row.snapshot, learnerName } });
      return true;
    }
    case 'account':
      return false;
  }
}

/**
 * Applies the retention periods: with `dryRun`, only lists what is due; otherwise removes exactly those
 * rows (each checked again in its transaction), erases the accounts due, records one audit entry and
 * rewrites the store's files. The daily job and `npm run retention` both call it.
 */
export async function applyRetention(deps: RetentionDeps, options: { dryRun: boolean }): Promise<RetentionReport> {
  const now = deps.clock();
  const cutoffs = cutoffsAt(deps.config.privacy.retention, now);
  const plan = await planRetention(deps.store, cutoffs);
  if (options.dryRun) return { items: plan, dryRun: true };
  const done: RetentionItem[] = [];
  // Rows first: an erasure deletes some of them (the person's e-mails), which must still count as planned.
  const rows = plan.filter((i) => i.kind !== 'account');
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    done.push(
      ...(await deps.store.transact(async (tx) => {
        const removed: RetentionItem[] = [];
        for (const item of batch) if (await removeIfDue(tx, item, cutoffs)) removed.push(item);
        return removed;
      })),
    );
  }
  const reason = translate('privacy.retention.reason');
  const eraseDeps = { ...deps, rewriteStoreFiles: undefined };
  for (const item of plan.filter((i) => i.kind === 'account')) {
    const user = await deps.store.get('users', item.id);
    if (!user || !accountDue(user, (await findErasure(deps.store, user.id)) !== undefined, cutoffs)) continue;
    const keepCertificates = deps.config.privacy.erasureKeepsCertificates;
    const outcome = await erasePerson(eraseDeps, { actorId: null, userId: user.id, reason, keepCertificates });
    if (outcome.kind === 'erased') done.push(item);
  }
  if (done.length > 0) {
    const counts: Partial<Record<RetentionKind, number>> = {};
    for (const item of done) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    await deps.store.transact((tx) => {
      recordAudit(tx, { at: now, actorId: null, action: 'privacy.retention_applied', target: null, details: counts });
    });
    await deps.rewriteStoreFiles?.();
  }
  return { items: done, dryRun: false };
}
