import type { CatalogHolder } from '../../catalog/catalog-holder.ts';
import { loadCourse } from '../../catalog/load-course.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Cluster } from '../../store/cluster/cluster.ts';
import type { StudioPaths } from '../studio-paths.ts';
import type { CourseTreeSync } from './course-tree-sync.ts';

export interface TreeSyncDeps {
  cluster: Cluster;
  trees: CourseTreeSync;
  catalog: CatalogHolder;
  paths: StudioPaths;
  clock: Clock;
}

/** The topic on which instances announce a publication; the detail is the course slug. */
export const publicationsTopic = 'courses';

/** What the studio's use cases run inside: one operation per course at a time, across instances. */
export interface StudioLock {
  run<T>(slug: string, task: () => Promise<T>): Promise<T>;
}

/**
 * The course's cluster lock, with the course's folders brought up to date before the task and recorded
 * after it; a changed publication is announced so every instance reloads it (followPublications).
 */
export function sharedCourseLock(deps: TreeSyncDeps): StudioLock {
  return {
    run: (slug, task) =>
      deps.cluster.exclusive(`studio:${slug}`, async () => {
        await pullCourse(deps, slug);
        let result: Awaited<ReturnType<typeof task>>;
        try {
          result = await task();
        } catch (error) {
          // A failed operation leaves the folders as they were; record anything it did leave, keep its error.
          await deps.trees.push(slug, deps.clock()).catch(() => {});
          throw error;
        }
        const { publishedChanged } = await deps.trees.push(slug, deps.clock());
        if (publishedChanged) await deps.cluster.announce(publicationsTopic, slug);
        return result;
      }),
  };
}

/** Brings one course's folders up to date under its lock, reloading it in the catalog if its publication changed. */
export function syncCourse(deps: TreeSyncDeps, slug: string): Promise<void> {
  return deps.cluster.exclusive(`studio:${slug}`, () => pullCourse(deps, slug));
}

/** Every course another instance changed since this one last looked. */
export async function syncStaleCourses(deps: TreeSyncDeps): Promise<void> {
  for (const slug of await deps.trees.staleCourses()) await syncCourse(deps, slug);
}

async function pullCourse(deps: TreeSyncDeps, slug: string): Promise<void> {
  const { publishedChanged } = await deps.trees.pull(slug);
  if (!publishedChanged) return;
  const { course } = await loadCourse(deps.paths.published(slug), { displayRoot: deps.paths.coursesDir });
  // Validated when it was published; a course that no longer loads here keeps its previous version.
  if (course) deps.catalog.publish(course);
}

/**
 * Reloads a course published on another instance as soon as it is announced, and everything after a
 * lost connection (announcements may have been missed meanwhile).
 */
export async function followPublications(deps: TreeSyncDeps, onError: (error: unknown) => void): Promise<void> {
  if (!deps.trees.enabled) return;
  await deps.cluster.listen(
    publicationsTopic,
    (slug) => void syncCourse(deps, slug).catch(onError),
    () => void syncStaleCourses(deps).catch(onError),
  );
  // What was published between this instance's start-up and now was announced before it listened.
  await syncStaleCourses(deps);
}
