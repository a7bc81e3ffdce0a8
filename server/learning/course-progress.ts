import type { Course } from '../catalog/course.ts';
import { type ModuleStatus, moduleStatus } from './module-status.ts';
import type { Enrollment, ModuleProgress } from './schema.ts';

export interface CourseProgress {
  enrollment: Readonly<Enrollment> | undefined;
  statuses: Record<string, ModuleStatus>;
  completedModules: number;
  percent: number;
  /** Where to send the learner back: the module they were on, or the first one not completed. */
  resumeSlug: string;
  seconds: number;
}

/** A learner's standing in a course, from their enrolment and their progress rows keyed by module slug. */
export function summarizeCourseProgress(
  course: Course,
  enrollment: Readonly<Enrollment> | undefined,
  progressByModule: ReadonlyMap<string, Readonly<ModuleProgress>>,
): CourseProgress {
  const statuses: Record<string, ModuleStatus> = {};
  let seconds = 0;
  for (const module of course.modules) {
    const progress = progressByModule.get(module.slug);
    statuses[module.slug] = moduleStatus(module, progress);
    seconds += progress?.seconds ?? 0;
  }
  const completedModules = Object.values(statuses).filter((s) => s === 'completed').length;
  const firstOpen = course.modules.find((m) => statuses[m.slug] !== 'completed')?.slug;
  const last =
    enrollment && course.modules.some((m) => m.slug === enrollment.lastModule) ? enrollment.lastModule : undefined;
  return {
    enrollment,
    statuses,
    completedModules,
    percent: course.modules.length === 0 ? 0 : Math.round((completedModules / course.modules.length) * 100),
    resumeSlug: (last && statuses[last] !== 'completed' ? last : firstOpen) ?? last ?? course.modules[0]?.slug ?? '',
    seconds,
  };
}
