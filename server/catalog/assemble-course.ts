import { rootCode } from '../structures/schema.ts';
import { assetPath } from './asset-path.ts';
import type { Course, Module } from './course.ts';
import type { CourseFolder } from './course-folder.ts';
import type { CourseFrontMatter } from './course-front-matter.ts';
import { funderInfo } from './funder-fields.ts';
import type { JobAid } from './job-aid.ts';

/** Builds the catalog's course from its validated parts; the introduction is rendered on first use. */
export function assembleCourse(
  folder: CourseFolder,
  front: CourseFrontMatter,
  parts: { introHtml: () => string; modules: Module[]; jobAid: JobAid | undefined; contentHash: string },
): Course {
  return {
    slug: folder.slug,
    dir: folder.dir,
    title: front.titre,
    summary: front.resume,
    audience: front.public,
    objectives: front.objectifs,
    declaredMinutes: front.duree,
    passMark: front.seuil_reussite,
    version: front.version,
    authors: front.auteurs,
    structure: front.structure ?? rootCode,
    cover: front.couverture
      ? { url: folder.ctx.assetBase + assetPath(front.couverture.image)!, alt: front.couverture.alt }
      : undefined,
    minimumMinutes: front.temps_minimum,
    funder: funderInfo(front),
    get introHtml() {
      return parts.introHtml();
    },
    modules: parts.modules,
    jobAid: parts.jobAid,
    contentHash: parts.contentHash,
  };
}
