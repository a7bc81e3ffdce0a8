import type { Config } from '../../config.ts';
import { enqueueEmail } from '../../mail/enqueue-email.ts';
import { commitmentEmail } from '../../mail/messages/commitment-email.ts';
import { senderOf } from '../../mail/sender-of.ts';
import type { AppStore } from '../../store/app-collections.ts';

/**
 * E-mails the reminders of personal commitments that are due (commitments/), each once: the row is marked
 * reminded in the transaction that queues the message, after reading it again there, so a second run or a
 * second instance finds it done. A learner who was deactivated gets nothing, and is not asked again.
 */
export async function sendCommitmentReminders(deps: { store: AppStore; config: Config }, now: Date): Promise<number> {
  const { store, config } = deps;
  const due: string[] = [];
  for await (const row of store.all('commitments'))
    if (row.remindAt && !row.remindedAt && Date.parse(row.remindAt) <= now.getTime()) due.push(row.id);
  let sent = 0;
  for (const id of due) {
    sent += await store.transact(async (tx) => {
      const row = await tx.get('commitments', id);
      if (!row?.remindAt || row.remindedAt || Date.parse(row.remindAt) > now.getTime()) return 0;
      tx.put('commitments', { ...row, remindedAt: now.toISOString() });
      const person = await tx.get('users', row.userId);
      if (!person?.active) return 0;
      const content = commitmentEmail({
        baseUrl: config.baseUrl,
        course: row.course,
        courseTitle: row.courseTitle,
        ...(await senderOf(tx, person.structure, config)),
      });
      enqueueEmail(tx, { ...content, kind: 'commitment', to: person.email, userId: person.id }, now);
      return 1;
    });
  }
  return sent;
}
