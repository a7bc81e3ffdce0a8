import type { Quiz } from '../catalog/course.ts';
import { quizAsked } from './draw-questions.ts';
import { parseQuizAnswers } from './parse-quiz-answers.ts';
import type { Answer, Attempt } from './schema.ts';

/**
 * The attempt a quiz form already made, when it is sent again (a double tap, a reload without scripts):
 * the form says how many attempts the learner had when it was shown (`after`), the attempt made then
 * exists, and it holds exactly these answers. Anything else is a new answer, recorded as before: a form
 * that does not say, or a form of that moment answered otherwise (another tab, a page the browser kept).
 */
export function sentAgain(
  attempts: readonly Readonly<Attempt>[],
  after: number | undefined,
  answers: Record<string, Answer>,
): Readonly<Attempt> | undefined {
  const made = after === undefined ? undefined : attempts[after];
  return made && sameAnswers(made.answers, answers) ? made : undefined;
}

/**
 * The answers of a form sent again, read against the questions its attempt asked (a drawn quiz's next
 * attempt asks others); undefined when the form is a new answer.
 */
export function answersSentAgain(
  quiz: Quiz,
  attempts: readonly Readonly<Attempt>[],
  after: number | undefined,
  body: unknown,
): Record<string, Answer> | undefined {
  const made = after === undefined ? undefined : attempts[after];
  if (!made) return undefined;
  const parsed = parseQuizAnswers(quizAsked(quiz, made.questions), body);
  return parsed.ok && sameAnswers(made.answers, parsed.answers) ? parsed.answers : undefined;
}

/** The `_attempt` field of a quiz form: a small whole number, or undefined for anything else. */
export function answeredAfter(body: unknown): number | undefined {
  const raw = (body as Record<string, unknown> | undefined)?._attempt;
  return typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
}

/** The same choices (in any order) or the same short answer, question by question. */
function sameAnswers(a: Readonly<Record<string, Answer>>, b: Readonly<Record<string, Answer>>): boolean {
  const ids = Object.keys(a);
  if (ids.length !== Object.keys(b).length) return false;
  const key = (answer: Answer | undefined) => (Array.isArray(answer) ? [...answer].sort().join('\u0000') : answer);
  return ids.every((id) => id in b && key(a[id]) === key(b[id]));
}
