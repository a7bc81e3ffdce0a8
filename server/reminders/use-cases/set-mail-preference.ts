import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';

/** Turns reminders or the HR digest on or off for one person. */
export async function setMailPreference(
  input: { userId: string; reminders?: boolean; hrDigest?: boolean },
  { store, clock }: { store: AppStore; clock: Clock },
): Promise<void> {
  await store.transact(async (tx) => {
    const current = await tx.get('mailPreferences', input.userId);
    tx.put('mailPreferences', {
      id: input.userId,
      reminders: input.reminders ?? current?.reminders ?? true,
      hrDigest: input.hrDigest ?? current?.hrDigest ?? false,
      updatedAt: clock().toISOString(),
    });
  });
}
