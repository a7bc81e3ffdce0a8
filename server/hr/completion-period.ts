import { parisMidnight } from './paris-day.ts';

/** Instants in ms, start included, end excluded. */
export interface CompletionPeriod {
  start: number;
  end: number;
}

/**
 * The period a `from`/`to` filter (Paris days, bounds included) covers: "to 30 June" ends at midnight,
 * Paris time, on 1 July. Undefined when neither bound is set.
 */
export function completionPeriod(query: { from?: string; to?: string }): CompletionPeriod | undefined {
  if (!query.from && !query.to) return undefined;
  return {
    start: query.from ? parisMidnight(query.from, 0) : Number.NEGATIVE_INFINITY,
    end: query.to ? parisMidnight(query.to, 1) : Number.POSITIVE_INFINITY,
  };
}

/** Whether a completion date (ISO, or null when not completed) falls in the period. */
export function completedWithin(period: CompletionPeriod, completedAt: string | null): boolean {
  const at = completedAt ? Date.parse(completedAt) : Number.NaN;
  return at >= period.start && at < period.end;
}
