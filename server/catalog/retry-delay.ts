import { z } from 'zod';
import { parseDuration } from './parse-duration.ts';

/**
 * Reads `delai_entre_tentatives` as trainers write it: a duration (`30 min`, `2 h`, `1 h 30`, a bare number
 * of minutes) or whole days (`1 jour`, `3 jours`, `2 j`). Returns minutes, or null when the text is not a
 * delay. Days are calendar lengths of 24 h: the point is a night's sleep or a re-reading, not a clock time.
 */
export function parseRetryDelay(value: unknown): number | null {
  if (typeof value === 'string') {
    const days = /^(\d{1,2})\s*(?:j|jours?)$/i.exec(value.trim());
    if (days) return Number(days[1]) > 0 ? Number(days[1]) * 24 * 60 : null;
  }
  return parseDuration(value);
}

/** At most 30 days: a longer wait is a mistake in the unit (minutes for days, say), not a teaching choice. */
export const maxRetryDelayMinutes = 30 * 24 * 60;

/** The zod field of `quiz.delai_entre_tentatives`, in minutes once parsed. */
export const RetryDelay = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const minutes = parseRetryDelay(value);
  if (minutes === null || minutes > maxRetryDelayMinutes) {
    ctx.addIssue({
      code: 'custom',
      message: `délai « ${value} » illisible. Écrivez par exemple « delai_entre_tentatives: 1 jour » (ou « 30 min », « 2 h », « 3 jours » : 30 jours au plus).`,
    });
    return z.NEVER;
  }
  return minutes;
});
