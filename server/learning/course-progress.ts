import type { Course } from '../catalog/course.ts';
import { countedModules } from './counted-modules.ts';
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
  const counted = countedModules(course);
  const completedModules = counted.filter((m) => statuses[m.slug] === 'completed').length;
  // The positioning is offered first, until it is answered or skipped (another module opened).
  const positioning = course.modules.find((m) => m.positioning);
  const offerPositioning =
    positioning && statuses[positioning.slug] !== 'completed' && counted.every((m) => !progressByModule.has(m.slug));
  const firstOpen = offerPositioning ? positioning.slug : counted.find((m) => statuses[m.slug] !== 'completed')?.slug;
  const last =
    enrollment && course.modules.some((m) => m.slug === enrollment.lastModule) ? enrollment.lastModule : undefined;
  return {
    enrollment,
    statuses,
    completedModules,
    percent: counted.length === 0 ? 0 : Math.round((completedModules / counted.length) * 100),
    resumeSlug: (last && statuses[last] !== 'completed' ? last : firstOpen) ?? last ?? course.modules[0]?.slug ?? '',
    seconds,
  };
}
