import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { commitmentId } from '../queries.ts';

/** Reminders come this long after the learner asks for one. */
export const reminderDelayMs = 30 * 24 * 3600_000;

/**
 * Writes, replaces or (with an empty text) deletes a learner's commitment for a course. Asking for a
 * reminder again keeps the date already planned, so that editing the text does not push it back; asking
 * after a reminder went out plans a new one.
 */
export async function saveCommitment(
  deps: { store: AppStore; clock: Clock },
  input: { userId: string; course: string; courseTitle: string; text: string; remind: boolean },
): Promise<'saved' | 'deleted'> {
  const now = deps.clock();
  const id = commitmentId(input.userId, input.course);
  return deps.store.transact(async (tx) => {
    const before = await tx.get('commitments', id);
    if (input.text === '') {
      tx.delete('commitments', id);
      return 'deleted';
    }
    const keep = input.remind && before?.remindAt && !before.remindedAt;
    const remindAt = !input.remind
      ? null
      : keep
        ? before.remindAt
        : new Date(now.getTime() + reminderDelayMs).toISOString();
    tx.put('commitments', {
      id,
      userId: input.userId,
      course: input.course,
      courseTitle: input.courseTitle,
      text: input.text,
      remindAt,
      remindedAt: null,
      createdAt: before?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    });
    return 'saved';
  });
}
