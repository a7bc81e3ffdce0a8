import path from 'node:path';
import { courseSlugPattern } from '../catalog/course-slug-pattern.ts';
import type { Config } from '../config.ts';
import { NotFoundError } from '../shared/errors.ts';

/** Where the studio keeps course folders. Every folder's name is the course slug, as loadCourse expects. */
export interface StudioPaths {
  coursesDir: string;
  draftsDir: string;
  /** Scratch space for previews, uploads and imports, on the same file system as the drafts. */
  tmpDir: string;
  published(slug: string): string;
  draft(slug: string): string;
  /** `course-versions/<slug>/v<N>/<slug>/`: the last segment keeps the slug for loadCourse. */
  version(slug: string, version: number): string;
}

export function studioPaths(config: Pick<Config, 'coursesDir' | 'dataDir'>): StudioPaths {
  const draftsDir = path.join(config.dataDir, 'drafts');
  const versionsDir = path.join(config.dataDir, 'course-versions');
  return {
    coursesDir: config.coursesDir,
    draftsDir,
    tmpDir: path.join(config.dataDir, 'studio-tmp'),
    published: (slug) => path.join(config.coursesDir, checkedSlug(slug)),
    draft: (slug) => path.join(draftsDir, checkedSlug(slug)),
    version: (slug, version) => {
      if (!Number.isSafeInteger(version) || version < 1) throw new NotFoundError();
      return path.join(versionsDir, checkedSlug(slug), `v${version}`, slug);
    },
  };
}

/** Slugs come from URLs: anything but the slug pattern (dots, slashes) never reaches a path. */
function checkedSlug(slug: string): string {
  if (!courseSlugPattern.test(slug) || slug.length > 80) throw new NotFoundError();
  return slug;
}
