import type { Response } from 'express';
import type { Course } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { attemptResultRules, retryWaitUntil } from './attempt-rules.ts';
import { quizAsked } from './draw-questions.ts';
import { learnerObjectiveProgress, objectivesToReview } from './objective-progress.ts';
import { attemptsOn } from './queries.ts';
import { replaceAddress } from './replace-address.ts';
import { retryWaitText } from './retry-wait-text.ts';
import type { Attempt } from './schema.ts';

/** An attempt's result page; as the quiz's answer (`answered`), it takes the attempt's own address. */
export async function renderAttemptPage(
  deps: { store: AppStore; clock: Clock },
  res: Response,
  course: Course,
  index: number,
  attempt: Readonly<Attempt>,
  { answered = false } = {},
): Promise<void> {
  const module = course.modules[index]!;
  const quiz = module.quiz!;
  const attempts = await attemptsOn(deps.store, attempt.userId, course.slug, module.slug);
  const waitUntil = retryWaitUntil(quiz, attempts, deps.clock());
  const rules = attemptResultRules(quiz, attempts, attempt);
  const address = `/courses/${course.slug}/${module.slug}/attempts/${attempt.id}`;
  res.render('learning/result', {
    title: res.locals.t('quiz.result.pageTitle', { module: module.title }),
    course,
    module,
    quiz: quizAsked(quiz, attempt.questions),
    attempt,
    sameVersion: attempt.contentHash === course.contentHash,
    ...rules,
    // The positioning's questions measure the same objectives as the final assessment: its key is never shown.
    revealKey: rules.revealKey && !module.positioning,
    review: attempt.passed || module.positioning ? [] : objectivesToReview(course, attempt),
    positioningResult: module.positioning
      ? learnerObjectiveProgress(course, [attempt]).filter((o) => o.before !== undefined)
      : undefined,
    retryWait: waitUntil && retryWaitText(quiz, waitUntil),
    next: course.modules[index + 1],
    replaceAddress: answered ? replaceAddress(res, address) : undefined,
  });
}
