import { rootCode } from '../structures/schema.ts';
import { assetPath } from './asset-path.ts';
import type { Course } from './course.ts';
import type { CourseFolder } from './course-folder.ts';
import type { CourseText } from './course-text.ts';
import { funderInfo } from './funder-fields.ts';
import { jobAidFromText, moduleFromText } from './module-from-text.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderOnce } from './render-once.ts';

/**
 * Builds the catalog's course from its validated text, freshly checked or from the catalog cache: the one
 * way to a course, so a cached course is the same object a check gives. Pages are rendered on first use.
 */
export function assembleCourse(folder: Pick<CourseFolder, 'dir' | 'slug' | 'ctx'>, text: CourseText): Course {
  const { front } = text;
  const { ctx } = folder;
  // Only the introduction is kept for later, never the whole text (every module's Markdown).
  const { intro } = text;
  const introHtml = renderOnce(() => renderMarkdown(intro, ctx).html);
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
      ? { url: ctx.assetBase + assetPath(front.couverture.image)!, alt: front.couverture.alt }
      : undefined,
    minimumMinutes: front.temps_minimum,
    funder: funderInfo(front),
    get introHtml() {
      return introHtml();
    },
    modules: text.modules.map((module) => moduleFromText(module, ctx)),
    jobAid: text.jobAid && jobAidFromText(text.jobAid, ctx),
    contentHash: text.contentHash,
  };
}
