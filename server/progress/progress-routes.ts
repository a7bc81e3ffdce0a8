import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import type { CourseRouteDeps } from '../catalog/course-routes.ts';
import { courseProgress } from './course-progress.ts';

/** « Mon parcours »: courses in progress with where to resume, completed courses, quiz history. */
export function progressRoutes(deps: CourseRouteDeps): Router {
  const router = Router();
  router.get('/me', requireUser, async (_req, res) => {
    const user = res.locals.user!;
    const catalog = deps.getCatalog();
    const enrollments = await deps.store.findBy('enrollments', 'userId', user.id);
    const attempts = [...(await deps.store.findBy('attempts', 'userId', user.id))].sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
    const rows = [];
    for (const enrollment of [...enrollments].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))) {
      const course = catalog.bySlug.get(enrollment.course);
      rows.push({
        enrollment,
        course,
        progress: course ? await courseProgress(deps.store, user.id, course) : undefined,
      });
    }
    const moduleTitle = (courseSlug: string, moduleSlug: string) =>
      catalog.bySlug.get(courseSlug)?.modules.find((m) => m.slug === moduleSlug)?.title ?? moduleSlug;
    const certificates = await deps.store.findBy('certificates', 'userId', user.id);
    const certificateLinks = Object.fromEntries(
      certificates.filter((c) => c.status === 'valid').map((c) => [c.course, `/certificates/${c.id}`]),
    );
    res.render('progress/me', {
      certificateLinks,
      title: 'Mon parcours',
      inProgress: rows.filter((r) => !r.enrollment.completedAt),
      completed: rows.filter((r) => r.enrollment.completedAt),
      attempts: attempts.slice(0, 50),
      moduleTitle,
      courseTitle: (slug: string) =>
        catalog.bySlug.get(slug)?.title ?? enrollments.find((e) => e.course === slug)?.courseTitle ?? slug,
      catalogEmpty: catalog.courses.length === 0,
    });
  });
  return router;
}
