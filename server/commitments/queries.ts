import type { AppStore } from '../store/app-collections.ts';
import type { Commitment } from './schema.ts';

export const commitmentId = (userId: string, course: string) => `${userId}:${course}`;

/** How long the home page shows a reminder once it is due. */
const shownForMs = 14 * 24 * 3600_000;

export function commitmentOf(store: AppStore, userId: string, course: string) {
  return store.get('commitments', commitmentId(userId, course));
}

/** A learner's commitments, the most recently written first. */
export async function commitmentsOf(store: AppStore, userId: string): Promise<Readonly<Commitment>[]> {
  const rows = await store.findBy('commitments', 'userId', userId);
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Commitments whose reminder is due now: shown on the home page for two weeks. */
export async function dueCommitmentsOf(store: AppStore, userId: string, now: Date) {
  return (await commitmentsOf(store, userId)).filter((c) => {
    if (!c.remindAt) return false;
    const due = Date.parse(c.remindAt);
    return due <= now.getTime() && now.getTime() < due + shownForMs;
  });
}
