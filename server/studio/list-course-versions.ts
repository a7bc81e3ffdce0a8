import type { AppStore } from '../store/app-collections.ts';
import type { CourseVersion } from './schema.ts';

/** The published versions of a course kept in the history, newest first. */
export async function listCourseVersions(
  store: Pick<AppStore, 'findBy'>,
  slug: string,
): Promise<Readonly<CourseVersion>[]> {
  const rows = await store.findBy('courseVersions', 'course', slug);
  return [...rows].sort((a, b) => b.version - a.version);
}

export const courseVersionId = (slug: string, version: number) => `${slug}@${version}`;
