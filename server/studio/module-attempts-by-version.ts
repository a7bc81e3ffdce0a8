import type { Attempt } from '../learning/schema.ts';
import type { AppStore } from '../store/app-collections.ts';

/**
 * The attempts on one module, grouped by the course version they were taken on. The store indexes
 * attempts by learner only, so this scans them: fine for a trainer's page, not for a hot path.
 */
export async function moduleAttemptsByVersion(
  store: Pick<AppStore, 'all'>,
  slug: string,
  moduleSlug: string,
): Promise<Map<number, Readonly<Attempt>[]>> {
  const byVersion = new Map<number, Readonly<Attempt>[]>();
  for await (const attempt of store.all('attempts')) {
    if (attempt.course !== slug || attempt.module !== moduleSlug) continue;
    const list = byVersion.get(attempt.courseVersion);
    if (list) list.push(attempt);
    else byVersion.set(attempt.courseVersion, [attempt]);
  }
  return byVersion;
}
