import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { type CourseRouteDeps, findCourse, renderModulePage } from '../catalog/course-routes.ts';
import { NotFoundError } from '../shared/errors.ts';
import { parseQuizAnswers } from './parse-quiz-answers.ts';
import { AttemptsExhaustedError, attemptsOn, submitQuiz } from './submit-quiz.ts';

/** Quiz submission (graded on the server) and the result page of an attempt. */
export function quizRoutes(deps: CourseRouteDeps): Router {
  const router = Router();

  router.post('/courses/:course/:module/quiz', requireUser, async (req, res) => {
    const course = findCourse(deps.getCatalog(), req.params.course);
    const index = course.modules.findIndex((m) => m.slug === req.params.module);
    const module = course.modules[index];
    if (!module?.quiz) throw new NotFoundError();
    const parsed = parseQuizAnswers(module.quiz, req.body);
    if (!parsed.ok) {
      res.status(400);
      return renderModulePage(deps, res, course, index, { previousAnswers: parsed.answers, quizErrors: parsed.errors });
    }
    try {
      const attempt = await submitQuiz(deps, { userId: res.locals.user!.id, course, module, answers: parsed.answers });
      res.redirect(303, `/courses/${course.slug}/${module.slug}/attempts/${attempt.id}`);
    } catch (error) {
      if (!(error instanceof AttemptsExhaustedError)) throw error;
      res.status(409);
      await renderModulePage(deps, res, course, index, { previousAnswers: parsed.answers });
    }
  });

  router.get('/courses/:course/:module/attempts/:attempt', requireUser, async (req, res) => {
    const course = findCourse(deps.getCatalog(), req.params.course);
    const index = course.modules.findIndex((m) => m.slug === req.params.module);
    const module = course.modules[index];
    const attempt = await deps.store.get('attempts', String(req.params.attempt));
    // Another learner's attempt is "not found", never "forbidden": ids reveal nothing.
    if (
      !module?.quiz ||
      !attempt ||
      attempt.userId !== res.locals.user!.id ||
      attempt.module !== module.slug ||
      attempt.course !== course.slug
    ) {
      throw new NotFoundError();
    }
    const attempts = await attemptsOn(deps.store, attempt.userId, course.slug, module.slug);
    const passedOnce = attempts.some((a) => a.passed);
    const exhausted = module.quiz.maxAttempts > 0 && attempts.length >= module.quiz.maxAttempts;
    res.render('quizzes/result', {
      title: `Résultat — ${module.title}`,
      course,
      module,
      quiz: module.quiz,
      attempt,
      sameVersion: attempt.contentHash === course.contentHash,
      revealKey: passedOnce || exhausted,
      canRetry: !exhausted && !attempt.passed,
      next: course.modules[index + 1],
    });
  });

  return router;
}
