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

/**
 * A course folder kept in the store so that instances without a shared disk see the same studio
 * (tree-sync/): the light row says which content is current; its files are in `courseTreeFiles`.
 */
export const CourseTree = z.strictObject({
  /** `draft:<course>`, `published:<course>` or `version:<course>:<N>`. */
  id: z.string(),
  course: z.string(),
  kind: z.enum(['draft', 'published', 'version']),
  /** Hash of the files' names and bytes (hashCourseFiles): equal hashes, equal folders. */
  hash: z.string(),
  updatedAt: IsoDate,
});
export type CourseTree = z.infer<typeof CourseTree>;

/** The files of one content of a tree, keyed `<tree id>#<hash>`; replaced, never changed. */
export const CourseTreeFiles = z.strictObject({
  id: z.string(),
  /** Relative POSIX path → bytes in base64. */
  files: z.record(z.string(), z.string()),
});
export type CourseTreeFiles = z.infer<typeof CourseTreeFiles>;

export const studioCollections = {
  courseVersions: defineCollection(CourseVersion, ['course']),
  courseTrees: defineCollection(CourseTree, ['course']),
  courseTreeFiles: defineCollection(CourseTreeFiles),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends StudioCollections {}
}
type StudioCollections = typeof studioCollections;
