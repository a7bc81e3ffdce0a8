import { createHash } from 'node:crypto';
import type { Course, Module, Quiz } from '../catalog/course.ts';

/**
 * A question bank (`quiz: tirage: N`): each attempt asks N of the quiz's questions. The draw is a function
 * of the learner, the course version, the module and how many attempts they have already made, so it needs
 * no storage before the attempt: a reload shows the same questions, and the next attempt, another draw.
 * The attempt records the ids it asked (`Attempt.questions`), which the result page and the item analysis
 * read; it is the record, the seed only saves storing a draw nobody answered.
 */
export function drawQuestionIds(quiz: Pick<Quiz, 'questions' | 'draw'>, seed: string): string[] {
  const ids = quiz.questions.map((q) => q.id);
  if (!quiz.draw || quiz.draw >= ids.length) return ids;
  const groupOf = new Map(quiz.questions.map((q) => [q.id, q.group]));
  const ranked = [...ids].sort((a, b) => key(seed, a).localeCompare(key(seed, b)));
  // First the best-ranked question of each group (coverage), then the best-ranked of the others.
  const covered = new Set<string>();
  const firsts: string[] = [];
  const others: string[] = [];
  for (const id of ranked) {
    const group = groupOf.get(id);
    if (group !== undefined && !covered.has(group)) {
      covered.add(group);
      firsts.push(id);
    } else others.push(id);
  }
  const picked = new Set([...firsts, ...others].slice(0, quiz.draw));
  // Asked in the authored order: a bank is often written from the simplest question to the hardest.
  return ids.filter((id) => picked.has(id));
}

/** The seed of a learner's next draw on a module: the same until an attempt is recorded. */
export function drawSeed(userId: string, course: Course, module: Module, attemptsSoFar: number): string {
  return `${userId}|${course.slug}|${course.contentHash}|${module.slug}|${attemptsSoFar}`;
}

/** The quiz as asked: only these questions, numbered 1, 2… in that order; the whole quiz without ids. */
export function quizAsked(quiz: Quiz, ids: readonly string[] | undefined): Quiz {
  if (!ids) return quiz;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const questions = ids.flatMap((id, i) => {
    const question = byId.get(id);
    return question ? [{ ...question, number: i + 1 }] : [];
  });
  return { ...quiz, questions };
}

/** The quiz a learner with `attemptsSoFar` attempts is asked now (the whole quiz when it draws nothing). */
export function quizFor(course: Course, module: Module, userId: string | undefined, attemptsSoFar: number): Quiz {
  const quiz = module.quiz!;
  if (!quiz.draw) return quiz;
  return quizAsked(quiz, drawQuestionIds(quiz, drawSeed(userId ?? 'visitor', course, module, attemptsSoFar)));
}

const key = (seed: string, id: string) => createHash('sha1').update(`${seed}|${id}`).digest('hex');
