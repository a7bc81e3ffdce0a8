import type { Quiz } from '../catalog/course.ts';
import type { Attempt } from './schema.ts';

/** A quiz with a limit of attempts (`tentatives`; 0 is no limit) takes none once that many are recorded. */
export function attemptsExhausted(quiz: Pick<Quiz, 'maxAttempts'>, attempts: readonly unknown[]): boolean {
  return quiz.maxAttempts > 0 && attempts.length >= quiz.maxAttempts;
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
