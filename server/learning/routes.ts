import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { parisDate } from '../assignments/assignment-status.ts';
import { todoOf } from '../assignments/queries.ts';
import { sendCourseAsset } from '../catalog/send-course-asset.ts';
import { dueCommitmentsOf } from '../commitments/queries.ts';
import { certificateWait } from './certificate-wait.ts';
import { coursePageLocals } from './course-page-locals.ts';
import { courseReach } from './course-reach.ts';
import { findCourse, offeredCourses } from './find-course.ts';
import { findModuleIndex } from './find-module-index.ts';
import { sendJobAidPdf, showJobAid } from './job-aid-pages.ts';
import type { LearningDeps, LearningHandler } from './learning-deps.ts';
import { renderModulePage } from './module-page.ts';
import { courseView } from './module-view-locals.ts';
import { objectiveProgressLocals } from './objective-progress-locals.ts';
import { courseProgress } from './queries.ts';
import { satisfactionOffer } from './satisfaction-offer.ts';
import { visitModule } from './visit-module.ts';

/** Reading routes: the catalog, a course, a module and the course's files. Open to visitors unless REQUIRE_LOGIN. */
export function readingRoutes(deps: LearningDeps): Router {
  const router = Router();
  if (deps.config.requireLogin) router.use(['/', '/courses'], requireUser);
  const reach = courseReach(deps.store, deps.getCatalog);
  router.use('/courses', reach);
  router.get(['/', '/courses'], reach, showCatalog(deps));
  router.get('/courses/:course', showCourse(deps));
  router.get('/courses/:course/resume', requireUser, resumeCourse(deps));
  router.get('/courses/:course/assets/*splat', sendAsset(deps));
  router.get('/courses/:course/fiche', showJobAid(deps));
  router.get('/courses/:course/fiche.pdf', sendJobAidPdf(deps));
  router.get('/courses/:course/:module', showModule(deps));
  return router;
}

const showCatalog: LearningHandler = (deps) => async (_req, res) => {
  const user = res.locals.user;
  const catalog = deps.getCatalog();
  const todo = user ? await todoOf(deps.store, catalog, user, parisDate(deps.clock())) : [];
  // A reminder the learner asked for at the end of a course (commitments/), theirs only.
  const dueCommitments = user ? await dueCommitmentsOf(deps.store, user.id, deps.clock()) : [];
  if (dueCommitments.length > 0) res.set('Cache-Control', 'no-store');
  res.render('learning/catalog', {
    title: res.locals.t('catalog.title'),
    courses: offeredCourses(catalog, res.locals.courseReach),
    todo,
    dueCommitments,
  });
};

const showCourse: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const user = res.locals.user;
  const progress = user && (await courseProgress(deps.store, user.id, course));
  res.render(courseView, {
    title: course.title,
    course,
    ...(progress && coursePageLocals(course, progress, res.locals.t)),
    ...(user && progress && (await objectiveProgressLocals(deps.store, course, user.id, progress))),
    certificateWait: progress && (await certificateWait(deps.store, user.id, course, progress)),
    satisfactionOffer: progress && (await satisfactionOffer(deps.store, course, progress)),
  });
};

/** Opening a course sends a signed-in learner back to where they stopped. */
const resumeCourse: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const progress = await courseProgress(deps.store, res.locals.user!.id, course);
  res.redirect(303, `/courses/${course.slug}/${progress.resumeSlug}`);
};

const sendAsset: LearningHandler = (deps) => (req, res, next) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  sendCourseAsset(res, next, course.dir, (req.params as unknown as { splat: string[] }).splat, { maxAge: '1h' });
};

const showModule: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const index = findModuleIndex(course, req.params.module);
  const user = res.locals.user;
  // deps itself, not a copy: visits of the same app share one transaction (visit-module.ts).
  if (user) await visitModule(deps, { userId: user.id, course, module: course.modules[index]! });
  await renderModulePage(deps, res, course, index);
};
