import type { Attempt } from './schema.ts';

/**
 * The attempt a quiz form already made, when it is sent again: the form says how many attempts the
 * learner had when it was shown (`after`), and there are more now. Undefined for a new answer, a form
 * that does not say, or one that claims attempts that do not exist (then it is taken as new).
 */
export function sentAgain(
  attempts: readonly Readonly<Attempt>[],
  after: number | undefined,
): Readonly<Attempt> | undefined {
  if (after === undefined || after >= attempts.length) return undefined;
  return attempts[after];
}

/** The `_attempt` field of a quiz form: a small whole number, or undefined for anything else. */
export function answeredAfter(body: unknown): number | undefined {
  const raw = (body as Record<string, unknown> | undefined)?._attempt;
  return typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
}
