import type { Course, Question } from '../../server/catalog/course.ts';
import type { QuizPost } from './load-jobs.ts';

/** Four ways to fill a quiz: twice all right (a pass, maybe a certificate), twice at random. */
export function quizBodies(questions: Question[]): [string, string][][] {
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
  const answer = (q: Question, right: boolean): [string, string][] => {
    if (q.type === 'short') return [[q.id, right ? q.answerText : 'je ne sais pas']];
    const correct = q.choices.filter((c) => c.correct).map((c) => c.id);
    if (q.type === 'multiple') {
      const ids = right ? correct : q.choices.filter(() => Math.random() < 0.5).map((c) => c.id);
      return (ids.length > 0 ? ids : [q.choices[0]!.id]).map((id) => [q.id, id]);
    }
    return [[q.id, right ? correct[0]! : pick(q.choices).id]];
  };
  return [true, true, false, false].map((right) => questions.flatMap((q) => answer(q, right)));
}

/**
 * The quizzes the rush submits: those without an attempt limit. A learner of the rush submits the same
 * quiz again and again; on a limited one (the second edition's final assessments allow 3) the fourth
 * answer is a correct 409, which the load generator would count as an error.
 */
export function rushQuizzes(course: Course): QuizPost[] {
  return course.modules.flatMap((m) =>
    m.quiz && m.quiz.maxAttempts === 0
      ? [{ path: `/courses/${course.slug}/${m.slug}/quiz`, bodies: quizBodies(m.quiz.questions) }]
      : [],
  );
}
