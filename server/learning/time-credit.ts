/** Activity further apart than this means the learner left: the gap is not counted at all. */
export const idleAfterMs = 30 * 60 * 1000;
/** At most this much is credited for one gap, so a tab left open does not turn into hours. */
export const maxCreditMs = 15 * 60 * 1000;
/** A gap shorter than this rounds to 0 s: it credits nothing. */
export const creditsNothingUnderMs = 500;

/** Seconds to credit to the module the learner was on, for the time between two of their requests. */
export function timeCredit(lastSeenAt: string | undefined, now: Date): number {
  if (!lastSeenAt) return 0;
  const gap = now.getTime() - Date.parse(lastSeenAt);
  if (gap <= 0 || gap > idleAfterMs) return 0;
  return Math.round(Math.min(gap, maxCreditMs) / 1000);
}
