import type { Quiz } from '../catalog/course.ts';
import { gradeQuestion } from './graders.ts';
import type { Answer } from './schema.ts';

/** Grades every question of a quiz; the score is the rounded share of right answers, out of 100. */
export function gradeQuiz(
  quiz: Pick<Quiz, 'questions' | 'passMark'>,
  answers: Readonly<Record<string, Answer>>,
): { correct: Record<string, boolean>; score: number; passed: boolean } {
  const correct = Object.fromEntries(quiz.questions.map((q) => [q.id, gradeQuestion(q, answers[q.id])]));
  const rightCount = Object.values(correct).filter(Boolean).length;
  const score = Math.round((rightCount / quiz.questions.length) * 100);
  return { correct, score, passed: score >= quiz.passMark };
}
