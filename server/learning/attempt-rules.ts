import type { Quiz } from '../catalog/course.ts';
import type { Attempt } from './schema.ts';

/** A quiz with a limit of attempts (`tentatives`; 0 is no limit) takes none once that many are recorded. */
export function attemptsExhausted(quiz: Pick<Quiz, 'maxAttempts'>, attempts: readonly unknown[]): boolean {
  return quiz.maxAttempts > 0 && attempts.length >= quiz.maxAttempts;
}

/**
 * When a quiz with a delay between attempts (`delai_entre_tentatives`) may be taken again: the latest
 * recorded attempt plus the delay, if that is still to come at `now`; undefined when the learner may answer.
 * The time comes from the attempts in the store, so every instance gives the same answer.
 */
export function retryWaitUntil(
  quiz: Pick<Quiz, 'retryDelayMinutes'>,
  attempts: readonly Pick<Attempt, 'createdAt'>[],
  now: Date,
): Date | undefined {
  if (quiz.retryDelayMinutes <= 0 || attempts.length === 0) return undefined;
  const latest = Math.max(...attempts.map((a) => Date.parse(a.createdAt)));
  const until = latest + quiz.retryDelayMinutes * 60_000;
  return until > now.getTime() ? new Date(until) : undefined;
}

/**
 * What the result page of one attempt offers. The key is revealed once the quiz has been passed or no
 * attempt is left, never while the learner may still try; trying again follows a failed attempt only.
 */
export function attemptResultRules(
  quiz: Pick<Quiz, 'maxAttempts'>,
  attempts: readonly Pick<Attempt, 'passed'>[],
  attempt: Pick<Attempt, 'passed'>,
): { revealKey: boolean; canRetry: boolean } {
  const exhausted = attemptsExhausted(quiz, attempts);
  return { revealKey: exhausted || attempts.some((a) => a.passed), canRetry: !exhausted && !attempt.passed };
}
