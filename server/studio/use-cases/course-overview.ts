import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkCueing } from '../../catalog/check-cueing.ts';
import type { Course } from '../../catalog/course.ts';
import type { CourseIssue } from '../../catalog/course-issue.ts';
import { checkUntrustedCourse } from '../check-untrusted-course.ts';
import { type CourseFolder, courseFolder } from '../course-folder.ts';
import { getFrontMatterField } from '../front-matter-field.ts';
import { publishedVersion } from '../published-version.ts';
import type { StudioContext } from '../studio-context.ts';
import { previewUrlBase } from './preview-course-file.ts';

export interface CourseOverview extends CourseFolder {
  /** From the course sheet when readable, else the slug: a draft may be half-written. */
  title: string;
  /** The course learners see, if it is in the catalog. */
  inCatalog: Course | undefined;
  /** 0 when never published. */
  publishedVersion: number;
  /** What blocks publication, from the same validator as the catalog. */
  issues: CourseIssue[];
  /** Quizzes a learner could pass without reading (check-cueing.ts): they do not block publication. */
  warnings: CourseIssue[];
}

/** The course's studio page: state, validation, modules, images. */
export async function courseOverview(ctx: StudioContext, slug: string): Promise<CourseOverview> {
  const folder = await courseFolder(ctx, slug);
  const [validation, published, sheet] = await Promise.all([
    checkUntrustedCourse(ctx, folder.dir, { displayRoot: path.dirname(folder.dir), urlBase: previewUrlBase }),
    publishedVersion(ctx, slug),
    readFile(path.join(folder.dir, 'course.md'), 'utf8').catch(() => ''),
  ]);
  const declaredTitle = getFrontMatterField(sheet, 'titre');
  return {
    ...folder,
    title: typeof declaredTitle === 'string' && declaredTitle.trim() ? declaredTitle.trim() : slug,
    inCatalog: ctx.catalog.get().bySlug.get(slug),
    publishedVersion: published,
    issues: validation.issues,
    warnings: validation.course ? checkCueing(validation.course).map((w) => ({ ...w, file: `${slug}/${w.file}` })) : [],
  };
}
