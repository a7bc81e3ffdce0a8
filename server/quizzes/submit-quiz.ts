import { randomUUID } from 'node:crypto';
import type { Course, Module } from '../catalog/course.ts';
import type { Answer, Attempt, Enrollment } from '../learning/schema.ts';
import { evaluateCompletion } from '../progress/evaluate-completion.ts';
import { recordActivity } from '../progress/record-activity.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppCollections, AppStore } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { gradeQuestion } from './graders.ts';

export class AttemptsExhaustedError extends Error {
  override readonly name = 'AttemptsExhaustedError';
}

export type OnCourseCompleted = (
  tx: Tx<AppCollections>,
  enrollment: Readonly<Enrollment>,
  course: Course,
) => Promise<void>;

/** Attempts of one learner on one module's quiz, oldest first. */
export async function attemptsOn(
  store: Pick<AppStore, 'findBy'> | Tx<AppCollections>,
  userId: string,
  course: string,
  module: string,
) {
  const all = await store.findBy('attempts', 'userId', userId);
  return all
    .filter((a) => a.course === course && a.module === module)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Grades a quiz on the server and records the attempt, the module's best score and, when this pass
 * completes the course, the completion (and whatever `onCourseCompleted` adds) in one durable write.
 * The best attempt counts: a later lower score never undoes a pass.
 */
export async function submitQuiz(
  deps: { store: AppStore; clock: Clock; onCourseCompleted?: OnCourseCompleted },
  input: { userId: string; course: Course; module: Module; answers: Record<string, Answer> },
): Promise<Readonly<Attempt>> {
  const { course, module, userId, answers } = input;
  const quiz = module.quiz;
  if (!quiz) throw new Error(`module ${module.slug} has no quiz`);
  return deps.store.transact(async (tx) => {
    const now = deps.clock();
    const previous = await attemptsOn(tx, userId, course.slug, module.slug);
    if (quiz.maxAttempts > 0 && previous.length >= quiz.maxAttempts) throw new AttemptsExhaustedError();
    const correct = Object.fromEntries(quiz.questions.map((q) => [q.id, gradeQuestion(q, answers[q.id])]));
    const rightCount = Object.values(correct).filter(Boolean).length;
    const score = Math.round((rightCount / quiz.questions.length) * 100);
    const attempt = tx.put('attempts', {
      id: randomUUID(),
      userId,
      course: course.slug,
      module: module.slug,
      courseVersion: course.version,
      contentHash: course.contentHash,
      createdAt: now.toISOString(),
      answers,
      correct,
      score,
      passMark: quiz.passMark,
      passed: score >= quiz.passMark,
    });
    const progress = await recordActivity(tx, { userId, course, module, now });
    tx.put('progress', {
      ...progress,
      bestScore: Math.max(progress.bestScore ?? 0, score),
      passedAt: progress.passedAt ?? (attempt.passed ? now.toISOString() : null),
    });
    const completed = await evaluateCompletion(tx, { userId, course, now });
    if (completed && deps.onCourseCompleted) await deps.onCourseCompleted(tx, completed, course);
    return attempt;
  });
}
