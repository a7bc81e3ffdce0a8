import { recordAudit } from '../../audit/record-audit.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { requeueFailed } from '../../store/outbox/requeue-failed.ts';
import { EmailNotFoundError, EmailNotResendableError } from '../errors.ts';

/** « Renvoyer »: a failed message goes back to the queue with its attempts counted from zero. */
export async function resendEmail(
  input: { actorId: string; emailId: string },
  { store, clock }: { store: AppStore; clock: Clock },
): Promise<void> {
  const now = clock();
  await store.transact(async (tx) => {
    const { found: email, requeued } = await requeueFailed(tx, 'emails', input.emailId, now);
    if (!email) throw new EmailNotFoundError(input.emailId);
    if (!requeued) throw new EmailNotResendableError();
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'email.resent',
      target: email.id,
      details: { kind: email.kind },
    });
  });
}
