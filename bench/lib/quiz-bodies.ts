import type { Question } from '../../server/catalog/course.ts';

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
