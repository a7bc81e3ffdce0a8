import { Router } from 'express';
import { requireRole } from '../accounts/guards.ts';
import { studioSatisfactionRoutes } from '../satisfaction/routes/report-routes.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { archiveRoutes } from './routes/archives.ts';
import { coursePaths, requireCourseInScope } from './routes/course-scope-guard.ts';
import { courseRoutes } from './routes/courses.ts';
import { editorRoutes } from './routes/editor.ts';
import { giftRoutes } from './routes/gift.ts';
import { imageRoutes } from './routes/images.ts';
import { moduleRoutes } from './routes/modules.ts';
import { previewRoutes } from './routes/preview.ts';
import { refusalPage } from './routes/refusals.ts';
import { versionRoutes } from './routes/versions.ts';
import { createStudioContext, type StudioDeps } from './studio-context.ts';
import { syncStaleCourses } from './tree-sync/shared-course-lock.ts';

/**
 * The studio, for trainers and admins: create and edit courses in the course format, preview them as
 * learners will see them, publish validated versions, keep and restore their history, move courses as
 * zip archives, exchange quizzes with Moodle (GIFT) and read how each quiz question performs. Each file under routes/ lists its routes.
 */
export function studioRoutes(deps: StudioDeps): Router {
  const ctx = createStudioContext(deps);
  return (
    Router()
      .use('/studio', ...requireRole('trainer', 'admin'), (_req, res, next) => {
        res.locals.noindex = true;
        next();
      })
      // Another instance may have changed a course since this one last looked: catch up before showing it.
      .use('/studio', async (_req, _res, next) => {
        await syncStaleCourses(ctx.sync);
        next();
      })
      // A course outside the trainer's scope does not exist for them, on every page and action of it.
      .use(coursePaths, requireCourseInScope(ctx))
      .use(courseRoutes(ctx))
      .use(moduleRoutes(ctx))
      .use(editorRoutes(ctx))
      .use(imageRoutes(ctx))
      .use(archiveRoutes(ctx))
      .use(giftRoutes(ctx))
      .use(versionRoutes(ctx))
      .use(analysisRoutes(ctx))
      .use(studioSatisfactionRoutes({ store: ctx.store, clock: ctx.clock, getCatalog: () => ctx.catalog.get() }))
      .use(previewRoutes(ctx))
      .use(refusalPage)
  );
}
