import { recordAudit } from '../../audit/record-audit.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { EmailNotFoundError, EmailNotResendableError } from '../errors.ts';

/** « Renvoyer »: a failed message goes back to the queue with its attempts counted from zero. */
export async function resendEmail(
  input: { actorId: string; emailId: string },
  { store, clock }: { store: AppStore; clock: Clock },
): Promise<void> {
  const now = clock();
  await store.transact(async (tx) => {
    const email = await tx.get('emails', input.emailId);
    if (!email) throw new EmailNotFoundError(input.emailId);
    if (email.status !== 'failed') throw new EmailNotResendableError();
    tx.put('emails', {
      ...email,
      status: 'queued',
      attempts: 0,
      notBefore: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'email.resent',
      target: email.id,
      details: { kind: email.kind },
    });
  });
}
