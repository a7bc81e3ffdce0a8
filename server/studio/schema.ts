import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/** One published version of a course (studio publications); its files are kept under `course-versions/`. */
export const CourseVersion = z.strictObject({
  /** `<course>@<version>`. */
  id: z.string(),
  course: z.string(),
  version: z.number().int().min(1),
  /** Null for a version published before the studio (found on disk at the first studio publication). */
  publishedAt: IsoDate.nullable(),
  publishedBy: z.string().nullable(),
  /** Kept so the history still names the author if the account is later removed. */
  publishedByName: z.string().nullable(),
  contentHash: z.string(),
});
export type CourseVersion = z.infer<typeof CourseVersion>;

export const courseVersionId = (slug: string, version: number) => `${slug}@${version}`;

export const studioCollections = {
  courseVersions: defineCollection(CourseVersion, ['course']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends StudioCollections {}
}
type StudioCollections = typeof studioCollections;
