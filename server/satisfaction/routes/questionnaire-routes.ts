import { type RequestHandler, type Response, Router } from 'express';
import { requireUser } from '../../accounts/guards.ts';
import type { Course } from '../../catalog/course.ts';
import { parseForm } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import { findCourse } from '../../learning/find-course.ts';
import type { LearningDeps } from '../../learning/learning-deps.ts';
import { enrollmentIn } from '../../learning/queries.ts';
import { InvalidInputError } from '../../shared/errors.ts';
import { AlreadyAnsweredError, CourseNotCompletedError } from '../errors.ts';
import { hasAnswered } from '../queries.ts';
import { commentMaxLength, isForgedScore, SatisfactionForm, satisfactionItems } from '../satisfaction-form.ts';
import { answerSatisfaction } from '../use-cases/answer-satisfaction.ts';

type Deps = Pick<LearningDeps, 'store' | 'clock' | 'getCatalog'>;

/** The end-of-course questionnaire, for a learner who completed the course, once. */
export function questionnaireRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/satisfaction/:course', requireUser, showQuestionnaire(deps));
  router.post('/satisfaction/:course', requireUser, answerQuestionnaire(deps));
  return router;
}

const showQuestionnaire = (deps: Deps): RequestHandler =>
  async function showQuestionnaire(req, res) {
    const course = findCourse(deps.getCatalog(), req.params.course);
    await checkOffered(deps, res.locals.user!.id, course);
    renderForm(res, course, {}, {});
  };

/** A forged score is a 400 page; an empty form or a too long comment comes back with what was typed. */
const answerQuestionnaire = (deps: Deps): RequestHandler =>
  async function answerQuestionnaire(req, res) {
    const course = findCourse(deps.getCatalog(), String(req.params.course));
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (isForgedScore(body)) throw new InvalidInputError('satisfaction score outside 1–5');
    const parsed = parseForm(SatisfactionForm, body);
    if (!parsed.ok) {
      await checkOffered(deps, res.locals.user!.id, course);
      res.status(400);
      return renderForm(res, course, parsed.errors, parsed.values);
    }
    await answerSatisfaction(deps, { userId: res.locals.user!.id, course, answer: parsed.data });
    res.redirect(303, `/courses/${course.slug}#avis`);
  };

async function checkOffered(deps: Deps, userId: string, course: Course): Promise<void> {
  const enrollment = await enrollmentIn(deps.store, userId, course.slug);
  if (!enrollment?.completedAt) throw new CourseNotCompletedError();
  if (await hasAnswered(deps.store, userId, course.slug)) throw new AlreadyAnsweredError();
}

function renderForm(res: Response, course: Course, errors: Record<string, string>, values: Record<string, string>) {
  res.render('satisfaction/form', {
    title: translate('satisfaction.form.title', { course: course.title }),
    course,
    items: satisfactionItems,
    commentMaxLength,
    errors,
    values,
  });
}
