import type { AppTx } from '../store/app-collections.ts';
import { freshOutboxFields } from '../store/outbox/outbox-fields.ts';
import type { Statement } from '../xapi/build-statements.ts';

/**
 * Puts statements in the LRS outbox inside the caller's transaction. A statement whose id is already
 * there (whatever its state) is left alone: the same learning step never produces two rows.
 */
export async function queueStatements(
  tx: AppTx,
  statements: readonly Statement[],
  owner: { userId: string; course: string },
  now: Date,
): Promise<void> {
  for (const statement of statements) {
    if (await tx.get('lrsStatements', statement.id)) continue;
    const verb = statement.verb as { id: string };
    const object = statement.object as { id: string };
    tx.put('lrsStatements', {
      id: statement.id,
      statement,
      verb: verb.id.split('/').pop() ?? verb.id,
      objectId: object.id,
      userId: owner.userId,
      course: owner.course,
      alreadyStored: false,
      ...freshOutboxFields(now),
    });
  }
}
