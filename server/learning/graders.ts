import type { Question, QuestionType } from '../catalog/course.ts';
import { matchShortAnswer } from '../catalog/match-short-answer.ts';
import type { Answer } from './schema.ts';

type Grader = (question: Question, answer: Answer | undefined) => boolean;

const rightChoiceIds = (q: Question) => q.choices.filter((c) => c.correct).map((c) => c.id);

const gradeSingle: Grader = (q, answer) => typeof answer === 'string' && rightChoiceIds(q).includes(answer);

/** One grader per question type: adding a type means adding a line here, nowhere else. */
export const graders = {
  single: gradeSingle,
  truefalse: gradeSingle,
  multiple: (q, answer) => {
    const given = new Set(Array.isArray(answer) ? answer : answer === undefined ? [] : [answer]);
    const right = rightChoiceIds(q);
    return given.size === right.length && right.every((id) => given.has(id));
  },
  short: (q, answer) => typeof answer === 'string' && matchShortAnswer(q, answer) !== undefined,
} satisfies Record<QuestionType, Grader>;

export function gradeQuestion(question: Question, answer: Answer | undefined): boolean {
  return graders[question.type](question, answer);
}
