import type { QuestionType, Quiz } from './course.ts';

/** What the browser may see of a quiz before answering: prompts and choices, never the key or feedback. */
export interface QuizForm {
  title: string;
  introHtml: string;
  passMark: number;
  maxAttempts: number;
  questions: {
    id: string;
    number: number;
    type: QuestionType;
    promptHtml: string;
    choices: { id: string; html: string }[];
  }[];
}

export function toQuizForm(
  quiz: Quiz,
  order: (ids: string[], questionId: string) => string[] = (ids) => ids,
): QuizForm {
  return {
    title: quiz.title,
    introHtml: quiz.introHtml,
    passMark: quiz.passMark,
    maxAttempts: quiz.maxAttempts,
    questions: quiz.questions.map((q) => {
      const byId = new Map(q.choices.map((c) => [c.id, { id: c.id, html: c.html }]));
      const ids = choiceIdsOf(quiz, q, order);
      return {
        id: q.id,
        number: q.number,
        type: q.type,
        promptHtml: q.promptHtml,
        choices: ids.map((id) => byId.get(id)!),
      };
    }),
  };
}

/** A question's choice ids in the order this reader sees them: a shuffled quiz's, but true/false as written. */
export function choiceIdsOf(
  quiz: Quiz,
  question: Quiz['questions'][number],
  order: (ids: string[], questionId: string) => string[] = (ids) => ids,
): string[] {
  const ids = question.choices.map((c) => c.id);
  return quiz.shuffle && question.type !== 'truefalse' ? order(ids, question.id) : ids;
}
