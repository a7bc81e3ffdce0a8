import { type RequestHandler, Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import type { Catalog } from '../catalog/course.ts';
import type { Config } from '../config.ts';
import { type FieldErrors, parseForm } from '../http/parse-form.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { CommitmentForm } from './commitment-form.ts';
import { commitmentOf } from './queries.ts';
import { commitmentMaxLength } from './schema.ts';
import { reminderDelayMs, saveCommitment } from './use-cases/save-commitment.ts';

export interface CommitmentDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
  getCatalog: () => Catalog;
  /**
   * Sets `res.locals.courseReach`, the structures whose courses the person is offered (learning's
   * `courseReach`, wired in app.ts: learning reads commitments, so this domain takes it as a callback).
   */
  courseReach: RequestHandler;
}

/** The learner's own commitment for a course, under « Mon parcours »: nobody else has a route to it. */
export function commitmentRoutes(deps: CommitmentDeps): Router {
  const router = Router();
  router.use('/me/engagements', requireUser, deps.courseReach);
  router.get('/me/engagements/:course', showCommitment(deps));
  router.post('/me/engagements/:course', submitCommitment(deps));
  return router;
}

/**
 * A published course offered on the learner's path to the root (decision 022), or one they already wrote
 * about (they may still edit or erase their own text, under the title they saw then).
 */
async function courseFor(deps: CommitmentDeps, res: Parameters<RequestHandler>[1], slug: string) {
  const published = deps.getCatalog().bySlug.get(slug);
  const reach = res.locals.courseReach;
  const course = published && (!reach || reach.has(published.structure)) ? published : undefined;
  const existing = await commitmentOf(deps.store, res.locals.user!.id, slug);
  if (!course && !existing) throw new NotFoundError();
  return { slug, title: course?.title ?? existing!.courseTitle, existing };
}

type FormState = { values: Record<string, string>; errors: FieldErrors; notice?: string };

function render(
  deps: CommitmentDeps,
  res: Parameters<RequestHandler>[1],
  course: { slug: string; title: string },
  state: FormState,
) {
  const user = res.locals.user!;
  res.set('Cache-Control', 'no-store');
  res.render('commitments/form', {
    title: res.locals.t('commitments.title'),
    course,
    max: commitmentMaxLength,
    mailConfigured: Boolean(deps.config.mail),
    email: user.email,
    remindDate: new Date(deps.clock().getTime() + reminderDelayMs).toISOString(),
    ...state,
  });
}

function showCommitment(deps: CommitmentDeps): RequestHandler {
  return async (req, res) => {
    const course = await courseFor(deps, res, String(req.params.course));
    const { existing } = course;
    const pending = Boolean(existing?.remindAt && !existing.remindedAt);
    const notice = req.query.done === 'saved' || req.query.done === 'deleted' ? req.query.done : undefined;
    render(deps, res, course, {
      values: { text: existing?.text ?? '', ...(pending ? { remind: 'on' } : {}) },
      errors: {},
      notice: notice && res.locals.t(`commitments.${notice}`),
    });
  };
}

function submitCommitment(deps: CommitmentDeps): RequestHandler {
  return async (req, res) => {
    const user = res.locals.user!;
    const course = await courseFor(deps, res, String(req.params.course));
    const form = parseForm(CommitmentForm, req.body);
    if (!form.ok) {
      res.status(400);
      render(deps, res, course, { values: form.values, errors: form.errors });
      return;
    }
    const done = await saveCommitment(deps, {
      userId: user.id,
      course: course.slug,
      courseTitle: course.title,
      text: form.data.text,
      remind: form.data.remind === 'on',
    });
    res.redirect(303, `/me/engagements/${encodeURIComponent(course.slug)}?done=${done}`);
  };
}
