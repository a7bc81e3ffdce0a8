import type { Module } from '../catalog/course.ts';
import type { ModuleProgress } from '../learning/schema.ts';

export type ModuleStatus = 'not_started' | 'read' | 'completed';

/** A module is complete once read and, when it has a quiz, once that quiz is passed. */
export function moduleStatus(module: Module, progress: Readonly<ModuleProgress> | undefined): ModuleStatus {
  if (!progress?.readAt) return 'not_started';
  if (module.quiz && !progress.passedAt) return 'read';
  return 'completed';
}
