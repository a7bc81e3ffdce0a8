import { type Response, Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import type { Config } from '../config.ts';
import { courseProgress } from '../progress/course-progress.ts';
import { visitModule } from '../progress/visit-module.ts';
import { shuffleFor } from '../quizzes/shuffle-for.ts';
import { attemptsOn, type OnCourseCompleted } from '../quizzes/submit-quiz.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { Catalog, Course } from './course.ts';
import { cachedModulePage } from './module-page-cache.ts';
import { toQuizForm } from './quiz-form.ts';
import { sendCourseAsset } from './send-course-asset.ts';

export interface CourseRouteDeps {
  getCatalog: () => Catalog;
  store: AppStore;
  clock: Clock;
  config: Config;
  onCourseCompleted?: OnCourseCompleted;
}

export function findCourse(catalog: Catalog, slug: unknown): Course {
  const course = typeof slug === 'string' ? catalog.bySlug.get(slug) : undefined;
  if (!course) throw new NotFoundError();
  return course;
}

const statusLabels = { not_started: 'Non commencé', read: 'Lu, quiz à réussir', completed: 'Terminé ✓' } as const;

/** Reading routes: the catalog, a course, a module and the course's files. Open to visitors unless REQUIRE_LOGIN. */
export function courseRoutes(deps: CourseRouteDeps): Router {
  const { getCatalog, store } = deps;
  const router = Router();
  if (deps.config.requireLogin) router.use(['/', '/courses'], requireUser);

  router.get(['/', '/courses'], (_req, res) => {
    res.render('courses/catalog', { title: res.locals.t('catalog.title'), courses: getCatalog().courses });
  });

  router.get('/courses/:course', async (req, res) => {
    const course = findCourse(getCatalog(), req.params.course);
    const user = res.locals.user;
    if (!user) return res.render('courses/course', { title: course.title, course });
    const progress = await courseProgress(store, user.id, course);
    const started = Boolean(progress.enrollment);
    res.render('courses/course', {
      title: course.title,
      course,
      moduleStatus: Object.fromEntries(Object.entries(progress.statuses).map(([slug, s]) => [slug, statusLabels[s]])),
      resume: {
        href: `/courses/${course.slug}/${progress.resumeSlug}`,
        label: progress.enrollment?.completedAt
          ? 'Revoir la formation'
          : started
            ? 'Reprendre où je me suis arrêté'
            : 'Commencer la formation',
      },
    });
  });

  // Opening a course sends a signed-in learner back to where they stopped.
  router.get('/courses/:course/resume', requireUser, async (req, res) => {
    const course = findCourse(getCatalog(), req.params.course);
    const progress = await courseProgress(store, res.locals.user!.id, course);
    res.redirect(303, `/courses/${course.slug}/${progress.resumeSlug}`);
  });

  router.get('/courses/:course/assets/*splat', (req, res, next) => {
    const course = findCourse(getCatalog(), req.params.course);
    sendCourseAsset(res, next, course.dir, (req.params as unknown as { splat: string[] }).splat, { maxAge: '1h' });
  });

  router.get('/courses/:course/:module', async (req, res) => {
    const course = findCourse(getCatalog(), req.params.course);
    const index = course.modules.findIndex((m) => m.slug === req.params.module);
    if (index === -1) throw new NotFoundError();
    const user = res.locals.user;
    if (user) await visitModule(deps, { userId: user.id, course, module: course.modules[index]! });
    await renderModulePage(deps, res, course, index);
  });

  return router;
}

/** Renders a module page; the quiz POST re-renders it with the learner's answers and errors on a 400. */
export async function renderModulePage(
  deps: CourseRouteDeps,
  res: Response,
  course: Course,
  index: number,
  extra: { previousAnswers?: Record<string, unknown>; quizErrors?: Record<string, string> } = {},
): Promise<void> {
  const module = course.modules[index]!;
  const user = res.locals.user;
  let quizState: Record<string, unknown> = {};
  let attempts: Awaited<ReturnType<typeof attemptsOn>> | undefined;
  let stateKey = 'read-only';
  if (user && module.quiz) {
    attempts = await attemptsOn(deps.store, user.id, course.slug, module.slug);
    const exhausted = module.quiz.maxAttempts > 0 && attempts.length >= module.quiz.maxAttempts;
    quizState = {
      attempts,
      quizAction: exhausted ? undefined : `/courses/${course.slug}/${module.slug}/quiz`,
      exhausted,
    };
    stateKey = exhausted ? 'exhausted' : 'can-answer';
  }
  const shuffled = Boolean(user && module.quiz?.shuffle);
  const locals = () => ({
    title: `${module.title} — ${course.title}`,
    course,
    module,
    position: index + 1,
    previous: course.modules[index - 1],
    next: course.modules[index + 1],
    quiz: module.quiz ? toQuizForm(module.quiz, user ? shuffleFor(user.id) : undefined) : undefined,
    signInHref: `/login?next=${encodeURIComponent(`/courses/${course.slug}/${module.slug}`)}`,
    ...quizState,
  });
  // The page as every reader of this kind sees it, rendered once (module-page-cache.ts); answers shown
  // again after an error and per-learner choice orders are rendered in full.
  if (!extra.previousAnswers && !extra.quizErrors && !shuffled && res.app.enabled('view cache')) {
    const page = await cachedModulePage(res, { course, module, locals, stateKey, user, attempts });
    res.set({ 'Content-Type': 'text/html; charset=utf-8', ETag: page.etag }).send(page.body);
    return;
  }
  res.render('courses/module', { ...locals(), ...extra });
}
