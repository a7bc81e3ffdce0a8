import { editDistance } from '../shared/edit-distance.ts';
import type { Question } from './course.ts';
import { normalizeAnswer } from './normalize-answer.ts';

/** Accepted answers shorter than this (in letters) must be typed exactly: one typo in a short word is another word. */
export const typoMinLetters = 6;
/** Longer typed answers are not compared letter by letter (the form allows 200 characters). */
const comparedChars = 300;

/**
 * How a typed answer matches a short-answer question: `exact` (after normalisation: case, accents, spaces
 * and punctuation around), `near` (within the question's typo tolerance of an accepted answer of at least 6
 * letters and without digits: « descendente » for « descendante »), or undefined.
 */
export function matchShortAnswer(
  question: Pick<Question, 'answers' | 'typoTolerance'>,
  given: string,
): 'exact' | 'near' | undefined {
  const typed = normalizeAnswer(given);
  if (question.answers.includes(typed)) return 'exact';
  if (question.typoTolerance === 0 || typed === '' || typed.length > comparedChars) return undefined;
  const near = question.answers.some(
    (answer) =>
      !/\p{N}/u.test(answer) &&
      (answer.match(/\p{L}/gu)?.length ?? 0) >= typoMinLetters &&
      editDistance(typed, answer, question.typoTolerance) <= question.typoTolerance,
  );
  return near ? 'near' : undefined;
}
