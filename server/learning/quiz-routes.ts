import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { NotFoundError } from '../shared/errors.ts';
import { renderAttemptPage } from './attempt-page.ts';
import { courseReach } from './course-reach.ts';
import { quizFor } from './draw-questions.ts';
import { AttemptsExhaustedError, PositioningClosedError, RetryTooEarlyError } from './errors.ts';
import { findCourse } from './find-course.ts';
import { findModuleIndex } from './find-module-index.ts';
import type { LearningDeps, LearningHandler } from './learning-deps.ts';
import { renderModulePage } from './module-page.ts';
import { parseQuizAnswers } from './parse-quiz-answers.ts';
import { attemptsOn, learnerAttempt } from './queries.ts';
import { answeredAfter, answersSentAgain } from './sent-again.ts';
import { submitQuiz } from './submit-quiz.ts';

/** Quiz submission (graded on the server) and the result page of an attempt. */
export function quizRoutes(deps: LearningDeps): Router {
  const router = Router();
  router.use('/courses', courseReach(deps.store, deps.getCatalog));
  router.post('/courses/:course/:module/quiz', requireUser, answerQuiz(deps));
  router.get('/courses/:course/:module/attempts/:attempt', requireUser, showAttempt(deps));
  return router;
}

/**
 * Graded on the server; the answer is the result page itself (replace-address.ts). A missing answer shows
 * the page again with what was given (400); a form sent again shows the attempt it made (sent-again.ts).
 */
const answerQuiz: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const index = findModuleIndex(course, req.params.module);
  const module = course.modules[index]!;
  if (!module.quiz) throw new NotFoundError();
  const userId = res.locals.user!.id;
  // One read of the attempts for both: whether the form was sent before, and which draw it answers now.
  const attempts = await attemptsOn(deps.store, userId, course.slug, module.slug);
  const after = answeredAfter(req.body);
  const resent = answersSentAgain(module.quiz, attempts, after, req.body);
  const parsed = resent
    ? ({ ok: true, answers: resent } as const)
    : parseQuizAnswers(quizFor(course, module, userId, attempts.length), req.body);
  if (!parsed.ok) {
    res.status(400);
    return renderModulePage(deps, res, course, index, { previousAnswers: parsed.answers, quizErrors: parsed.errors });
  }
  try {
    // A form sent again goes through the transaction too: it gives back the attempt once it is durable.
    const attempt = await submitQuiz(deps, { userId, course, module, answers: parsed.answers, after });
    await renderAttemptPage(deps, res, course, index, attempt, { answered: true });
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
  await renderAttemptPage(deps, res, course, index, attempt);
};
