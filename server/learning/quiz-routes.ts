import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { NotFoundError } from '../shared/errors.ts';
import { attemptResultRules, retryWaitUntil } from './attempt-rules.ts';
import { courseReach } from './course-reach.ts';
import { quizAsked } from './draw-questions.ts';
import { AttemptsExhaustedError, PositioningClosedError, RetryTooEarlyError } from './errors.ts';
import { findCourse } from './find-course.ts';
import { findModuleIndex } from './find-module-index.ts';
import type { LearningDeps, LearningHandler } from './learning-deps.ts';
import { renderModulePage } from './module-page.ts';
import { learnerObjectiveProgress, objectivesToReview } from './objective-progress.ts';
import { parseQuizAnswers } from './parse-quiz-answers.ts';
import { attemptsOn, learnerAttempt } from './queries.ts';
import { quizAskedNow } from './quiz-asked-now.ts';
import { retryWaitText } from './retry-wait-text.ts';
import { submitQuiz } from './submit-quiz.ts';

/** Quiz submission (graded on the server) and the result page of an attempt. */
export function quizRoutes(deps: LearningDeps): Router {
  const router = Router();
  router.use('/courses', courseReach(deps.store, deps.getCatalog));
  router.post('/courses/:course/:module/quiz', requireUser, answerQuiz(deps));
  router.get('/courses/:course/:module/attempts/:attempt', requireUser, showAttempt(deps));
  return router;
}

/** Graded on the server; a missing answer shows the page again with what was given (400). */
const answerQuiz: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const index = findModuleIndex(course, req.params.module);
  const module = course.modules[index]!;
  if (!module.quiz) throw new NotFoundError();
  const parsed = parseQuizAnswers(await quizAskedNow(deps.store, res.locals.user!.id, course, module), req.body);
  if (!parsed.ok) {
    res.status(400);
    return renderModulePage(deps, res, course, index, { previousAnswers: parsed.answers, quizErrors: parsed.errors });
  }
  try {
    const attempt = await submitQuiz(deps, { userId: res.locals.user!.id, course, module, answers: parsed.answers });
    res.redirect(303, `/courses/${course.slug}/${module.slug}/attempts/${attempt.id}`);
  } catch (error) {
    const refused = [AttemptsExhaustedError, RetryTooEarlyError, PositioningClosedError];
    if (!refused.some((kind) => error instanceof kind)) throw error;
    res.status(409);
    await renderModulePage(deps, res, course, index, { previousAnswers: parsed.answers });
  }
};

const showAttempt: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const index = findModuleIndex(course, req.params.module);
  const module = course.modules[index]!;
  const where = { userId: res.locals.user!.id, course: course.slug, module: module.slug };
  const attempt = await learnerAttempt(deps.store, { ...where, attemptId: String(req.params.attempt) });
  // Another learner's attempt is "not found", never "forbidden": ids reveal nothing.
  if (!module.quiz || !attempt) throw new NotFoundError();
  const attempts = await attemptsOn(deps.store, where.userId, where.course, where.module);
  const waitUntil = retryWaitUntil(module.quiz, attempts, deps.clock());
  const rules = attemptResultRules(module.quiz, attempts, attempt);
  res.render('learning/result', {
    title: res.locals.t('quiz.result.pageTitle', { module: module.title }),
    course,
    module,
    quiz: quizAsked(module.quiz, attempt.questions),
    attempt,
    sameVersion: attempt.contentHash === course.contentHash,
    ...rules,
    // The positioning's questions measure the same objectives as the final assessment: its key is never shown.
    revealKey: rules.revealKey && !module.positioning,
    review: attempt.passed || module.positioning ? [] : objectivesToReview(course, attempt),
    positioningResult: module.positioning
      ? learnerObjectiveProgress(course, [attempt]).filter((o) => o.before !== undefined)
      : undefined,
    retryWait: waitUntil && retryWaitText(module.quiz, waitUntil),
    next: course.modules[index + 1],
  });
};
