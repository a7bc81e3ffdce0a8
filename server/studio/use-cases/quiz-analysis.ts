import type { Course, Module } from '../../catalog/course.ts';
import type { ObjectiveProgressSummary } from '../../learning/aggregate-objective-progress.ts';
import { courseObjectiveProgress } from '../../learning/course-objective-progress.ts';
import type { Scope } from '../../structures/scope.ts';
import { currentCourseDir } from '../course-dir-state.ts';
import { type AttemptsByVersion, courseAttemptsByModule } from '../queries.ts';
import type { StudioContext } from '../studio-context.ts';

export interface QuizAnalysis {
  /** The published course; undefined when never published (no learner could answer). */
  course: Course | undefined;
  /** Each module of the published version that has a quiz, with its attempts by course version. */
  modules: { module: Module; byVersion: AttemptsByVersion }[];
  /** Progress per objective of the course's learners, aggregated; undefined without a positioning. */
  objectiveProgress: ObjectiveProgressSummary | undefined;
}

/** How many attempts each quiz of the course got, per version: the entry to the item analysis. */
export async function quizAnalysis(ctx: StudioContext, slug: string, scope?: Scope): Promise<QuizAnalysis> {
  await currentCourseDir(ctx, slug);
  const course = ctx.catalog.get().bySlug.get(slug);
  if (!course) return { course, modules: [], objectiveProgress: undefined };
  const attempts = await courseAttemptsByModule(ctx.store, slug, scope);
  const modules = course.modules
    .filter((m) => m.quiz)
    .map((module) => ({ module, byVersion: attempts.get(module.slug) ?? new Map() }));
  return { course, modules, objectiveProgress: await courseObjectiveProgress(ctx.store, course) };
}
