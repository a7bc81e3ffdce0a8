import type { Course, Module } from '../catalog/course.ts';

/**
 * The modules that count for completion, the progress percentage and the attestation: all but the
 * positioning quiz, which measures what a learner knew before the course and is never required.
 */
export function countedModules(course: Pick<Course, 'modules'>): Module[] {
  return course.modules.filter((m) => !m.positioning);
}
