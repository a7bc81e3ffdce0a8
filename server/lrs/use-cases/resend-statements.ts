import { recordAudit } from '../../audit/record-audit.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { rowsWithStatus } from '../../store/outbox/outbox-collection.ts';
import { requeueFailed } from '../../store/outbox/requeue-failed.ts';
import { LrsStatementNotFoundError, LrsStatementNotResendableError } from '../errors.ts';

/**
 * « Renvoyer »: a failed statement goes back to the queue with its attempts counted from zero; without
 * an id, every failed one (after the LRS's address or credentials were corrected). Audited; resolves
 * with how many were put back.
 */
export async function resendStatements(
  input: { actorId: string; statementId?: string },
  { store, clock }: { store: AppStore; clock: Clock },
): Promise<number> {
  const now = clock();
  return store.transact(async (tx) => {
    const ids =
      input.statementId === undefined
        ? (await rowsWithStatus(tx, 'lrsStatements', 'failed')).map((row) => row.id)
        : [input.statementId];
    for (const id of ids) {
      const { found, requeued } = await requeueFailed(tx, 'lrsStatements', id, now);
      if (!found) throw new LrsStatementNotFoundError(id);
      if (!requeued) throw new LrsStatementNotResendableError();
    }
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'lrs.statements_resent',
      target: input.statementId ?? null,
      details: { count: ids.length },
    });
    return ids.length;
  });
}
