import { randomUUID } from 'node:crypto';
import type { Course, Module } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { attemptsExhausted, retryWaitUntil } from './attempt-rules.ts';
import { quizFor } from './draw-questions.ts';
import { AttemptsExhaustedError, PositioningClosedError, RetryTooEarlyError } from './errors.ts';
import { evaluateCompletion } from './evaluate-completion.ts';
import { gradeQuiz } from './grade-quiz.ts';
import type { OnCourseCompleted } from './on-course-completed.ts';
import type { OnLearningRecorded } from './on-learning-recorded.ts';
import { attemptsOn, finalAttempted } from './queries.ts';
import { recordActivity } from './record-activity.ts';
import type { Answer, Attempt } from './schema.ts';
import { sentAgain } from './sent-again.ts';
import { tallyObjectives } from './tally-objectives.ts';

/**
 * Grades a quiz on the server and records the attempt, the module's best score and, when this pass
 * completes the course, the completion (and whatever `onCourseCompleted` adds) in one durable write.
 * The best attempt counts: a later lower score never undoes a pass. A form answered after as many
 * attempts as `after` says makes one attempt: sent again with the same answers, it gives that attempt
 * back and records nothing (sent-again.ts).
 */
export async function submitQuiz(
  deps: {
    store: AppStore;
    clock: Clock;
    onCourseCompleted?: OnCourseCompleted;
    onLearningRecorded?: OnLearningRecorded;
  },
  input: {
    userId: string;
    course: Course;
    module: Module;
    answers: Record<string, Answer>;
    /** How many attempts the learner had when the form was shown (`_attempt`), when it says. */
    after?: number;
  },
): Promise<Readonly<Attempt>> {
  const { course, module, userId, answers } = input;
  const quiz = module.quiz;
  if (!quiz) throw new Error(`module ${module.slug} has no quiz`);
  return deps.store.transact(async (tx) => {
    const now = deps.clock();
    const previous = await attemptsOn(tx, userId, course.slug, module.slug);
    // The same form sent twice (a double tap, a resubmission): the attempt it made, nothing recorded.
    const made = sentAgain(previous, input.after, answers);
    if (made) return made;
    if (attemptsExhausted(quiz, previous)) throw new AttemptsExhaustedError();
    if (module.positioning && (await finalAttempted(tx, userId, course))) throw new PositioningClosedError();
    const waitUntil = retryWaitUntil(quiz, previous, now);
    if (waitUntil) throw new RetryTooEarlyError(waitUntil);
    // The draw the learner was shown, computed again here: the one that counts is the one recorded.
    const asked = quizFor(course, module, userId, previous.length);
    const { correct, score, passed } = gradeQuiz(asked, answers);
    const byObjective = tallyObjectives(asked.questions, correct);
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
      passed,
      ...(quiz.draw ? { questions: asked.questions.map((q) => q.id) } : {}),
      ...(byObjective && { byObjective }),
    });
    const progress = await recordActivity(tx, { userId, course, module, now, onRecorded: deps.onLearningRecorded });
    if (deps.onLearningRecorded) await deps.onLearningRecorded(tx, { kind: 'attempt', attempt }, course);
    tx.put('progress', {
      ...progress,
      bestScore: Math.max(progress.bestScore ?? 0, score),
      // The positioning has nothing to pass: answering it is what ends it.
      passedAt: progress.passedAt ?? (passed || module.positioning ? now.toISOString() : null),
    });
    const completed = await evaluateCompletion(tx, { userId, course, now });
    if (completed && deps.onCourseCompleted) await deps.onCourseCompleted(tx, completed, course);
    return attempt;
  });
}
