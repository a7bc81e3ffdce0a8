import type { Response } from 'express';
import { limits } from '../../catalog/limits.ts';
import type { StudioContext } from '../studio-context.ts';
import { courseOverview } from '../use-cases/course-overview.ts';
import { type PresentedIssue, presentIssues } from './present-issues.ts';
import type { Refusal } from './refusals.ts';
import { studioTitle } from './studio-title.ts';

export interface CoursePageExtra {
  /** A refusal answered with the course page keeps its status. */
  status?: number;
  notice?: string;
  /** The Markdown to copy after an upload. */
  uploadedImage?: string;
  publishError?: Refusal;
  uploadError?: string;
  moduleForm?: { values: Record<string, string>; errors: Record<string, string> };
}

/** The course's studio page, with what the last action left to say (a notice, a refusal, a form to fix). */
export async function renderCoursePage(
  ctx: StudioContext,
  res: Response,
  slug: string,
  extra: CoursePageExtra = {},
): Promise<void> {
  const course = await courseOverview(ctx, slug);
  const publishError: { message: string; issues: PresentedIssue[] } | undefined = extra.publishError && {
    message: extra.publishError.message,
    issues: presentIssues(extra.publishError.issues, slug),
  };
  res.status(extra.status ?? 200).render('studio/course', {
    title: studioTitle(course.title),
    courseTitle: course.title,
    slug,
    hasDraft: course.hasDraft,
    isPublished: course.isPublished,
    inCatalog: course.inCatalog,
    publishedVersion: course.publishedVersion,
    modules: course.modules,
    hasJobAid: course.hasJobAid,
    images: course.images,
    imageMb: limits.assetBytes / 1024 / 1024,
    issues: presentIssues(course.issues, slug),
    warnings: presentIssues(course.warnings, slug),
    notice: extra.notice,
    uploadedImage: extra.uploadedImage,
    publishError,
    uploadError: extra.uploadError,
    moduleForm: extra.moduleForm ?? { values: {}, errors: {} },
  });
}
