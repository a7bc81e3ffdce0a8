import type { Course } from '../catalog/course.ts';
import type { MessageKey } from '../i18n/fr.ts';
import type { Translate } from '../i18n/translate.ts';
import type { CourseProgress } from './course-progress.ts';
import type { ModuleStatus } from './module-status.ts';

const statusKeys = {
  not_started: 'course.status.notStarted',
  read: 'course.status.read',
  completed: 'course.status.completed',
} as const satisfies Record<ModuleStatus, MessageKey>;

/** What a signed-in learner sees on a course page besides the course: each module's status, where to go on. */
export function coursePageLocals(course: Course, progress: CourseProgress, t: Translate) {
  const resumeKey = progress.enrollment?.completedAt
    ? 'course.review'
    : progress.enrollment
      ? 'course.resume'
      : 'course.start';
  return {
    moduleStatus: Object.fromEntries(Object.entries(progress.statuses).map(([slug, s]) => [slug, t(statusKeys[s])])),
    resume: { href: `/courses/${course.slug}/${progress.resumeSlug}`, label: t(resumeKey) },
  };
}
