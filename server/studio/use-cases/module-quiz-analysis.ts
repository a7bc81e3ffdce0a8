import type { Course } from '../../catalog/course.ts';
import { loadCourse } from '../../catalog/load-course.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Scope } from '../../structures/scope.ts';
import { analyseItems, type QuestionStat } from '../analyse-items.ts';
import { moduleAttemptsByVersion } from '../queries.ts';
import type { StudioContext } from '../studio-context.ts';

export interface ModuleQuizAnalysis {
  courseTitle: string;
  moduleTitle: string;
  version: number;
  currentVersion: number;
  /** The versions that have attempts, newest first. */
  versions: { version: number; count: number }[];
  attemptCount: number;
  learnerCount: number;
  /** Undefined when that version's content is not kept (published before the studio). */
  stats: QuestionStat[] | undefined;
}

/**
 * The item analysis of one module's quiz on one version (the published one by default). Question and
 * choice ids mean something only within one version: each version is analysed alone.
 */
export async function moduleQuizAnalysis(
  ctx: StudioContext,
  slug: string,
  moduleSlug: string,
  requestedVersion: number | undefined,
  scope?: Scope,
): Promise<ModuleQuizAnalysis> {
  const current = ctx.catalog.get().bySlug.get(slug);
  if (!current) throw new NotFoundError();
  const byVersion = await moduleAttemptsByVersion(ctx.store, slug, moduleSlug, scope);
  const version = requestedVersion ?? current.version;
  const course: Course | undefined =
    version === current.version
      ? current
      : (await loadCourse(ctx.paths.version(slug, version), { displayRoot: ctx.paths.coursesDir })).course;
  const module = course?.modules.find((m) => m.slug === moduleSlug);
  if (!module?.quiz && !byVersion.has(version)) throw new NotFoundError();
  const attempts = byVersion.get(version) ?? [];
  return {
    courseTitle: current.title,
    moduleTitle: module?.title ?? moduleSlug,
    version,
    currentVersion: current.version,
    versions: [...byVersion.entries()]
      .map(([v, list]) => ({ version: v, count: list.length }))
      .sort((a, b) => b.version - a.version),
    attemptCount: attempts.length,
    learnerCount: new Set(attempts.map((a) => a.userId)).size,
    stats: module?.quiz ? analyseItems(module.quiz, attempts) : undefined,
  };
}
