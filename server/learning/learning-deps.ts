import type { RequestHandler } from 'express';
import type { Catalog } from '../catalog/course.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { OnCompletedCourseActivity, OnCourseCompleted } from './on-course-completed.ts';
import type { OnLearningRecorded } from './on-learning-recorded.ts';

/** What the learner's path needs from the app: the published catalog, the store, the time, the settings. */
export interface LearningDeps {
  /** The catalog as published now: the studio can replace a course while the app runs. */
  getCatalog: () => Catalog;
  store: AppStore;
  clock: Clock;
  config: Config;
  onCourseCompleted?: OnCourseCompleted;
  onLearningRecorded?: OnLearningRecorded;
  onCompletedCourseActivity?: OnCompletedCourseActivity;
}

/** A route handler of the learner's path, given the app's deps once when the routes are built. */
export type LearningHandler = (deps: LearningDeps) => RequestHandler;
