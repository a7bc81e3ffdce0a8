// The studio's reads of the store, one function per question, so that another store can answer each
// with one query of its own.
import type { Attempt } from '../learning/schema.ts';
import type { AppStore } from '../store/app-collections.ts';
import { inScope, type Scope, wholeNetwork } from '../structures/scope.ts';
import { type CourseVersion, courseVersionId } from './schema.ts';

/** The published versions of a course kept in the history, newest first. */
export async function courseVersions(
  store: Pick<AppStore, 'findBy'>,
  slug: string,
): Promise<Readonly<CourseVersion>[]> {
  const rows = await store.findBy('courseVersions', 'course', slug);
  return [...rows].sort((a, b) => b.version - a.version);
}

/** One version of the history, if it was recorded. */
export function courseVersion(
  store: Pick<AppStore, 'get'>,
  slug: string,
  version: number,
): Promise<Readonly<CourseVersion> | undefined> {
  return store.get('courseVersions', courseVersionId(slug, version));
}

export type AttemptsByVersion = Map<number, Readonly<Attempt>[]>;

/**
 * The attempts on a course's modules, by module slug, then by the course version they were taken on
 * (question ids mean something only within one version). Read through the index on the course.
 */
export async function courseAttemptsByModule(
  store: Pick<AppStore, 'findBy' | 'get'>,
  slug: string,
  scope: Scope = wholeNetwork,
): Promise<Map<string, AttemptsByVersion>> {
  const byModule = new Map<string, AttemptsByVersion>();
  // A trainer of part of the network sees the answers of the learners of that part only.
  const seen = new Map<string, boolean>();
  const counts = async (userId: string) => {
    if (scope.all) return true;
    let within = seen.get(userId);
    if (within === undefined) {
      const person = await store.get('users', userId);
      within = person !== undefined && inScope(scope, person.structure);
      seen.set(userId, within);
    }
    return within;
  };
  for (const attempt of await store.findBy('attempts', 'course', slug)) {
    if (!(await counts(attempt.userId))) continue;
    const byVersion = byModule.get(attempt.module) ?? new Map<number, Readonly<Attempt>[]>();
    byModule.set(attempt.module, byVersion);
    const list = byVersion.get(attempt.courseVersion);
    if (list) list.push(attempt);
    else byVersion.set(attempt.courseVersion, [attempt]);
  }
  return byModule;
}

/** The attempts on one module, by the course version they were taken on. */
export async function moduleAttemptsByVersion(
  store: Pick<AppStore, 'findBy' | 'get'>,
  slug: string,
  moduleSlug: string,
  scope: Scope = wholeNetwork,
): Promise<AttemptsByVersion> {
  return (await courseAttemptsByModule(store, slug, scope)).get(moduleSlug) ?? new Map();
}
