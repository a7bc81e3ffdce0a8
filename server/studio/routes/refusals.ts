import type { ErrorRequestHandler } from 'express';
import type { CourseIssue } from '../../catalog/course-issue.ts';
import { courseSlugPattern } from '../../catalog/course-slug-pattern.ts';
import { toHttpFailure } from '../../http/error-map.ts';
import { translate } from '../../i18n/translate.ts';
import { CourseInvalidError, isStudioRefusal } from '../errors.ts';
import { presentIssues } from './present-issues.ts';
import { sentence } from './sentence.ts';
import { studioTitle } from './studio-title.ts';

export interface Refusal {
  /** The status the error map gives the refusal's kind. */
  status: number;
  /** The French sentence, capitalised to stand alone. */
  message: string;
  /** The same as the dictionary writes it, to follow « Ligne 1 — ». */
  text: string;
  issues: readonly CourseIssue[];
}

/** A studio refusal as a page shows it; anything else (a missing page, a failure) is thrown again. */
export function refusalOf(error: unknown): Refusal {
  if (!isStudioRefusal(error) || !error.messageKey) throw error;
  const text = translate(error.messageKey, error.params);
  return {
    status: toHttpFailure(error).status,
    message: sentence(text),
    text,
    issues: error instanceof CourseInvalidError ? error.issues : [],
  };
}

/** Refusals that are not a form to re-render get a studio page that says why, and what to fix. */
export const refusalPage: ErrorRequestHandler = (error, req, res, next) => {
  if (!isStudioRefusal(error)) return next(error);
  const refusal = refusalOf(error);
  const slug = /^\/studio\/(?:courses|preview|history\/\d+)\/([a-z0-9-]+)/.exec(req.path)?.[1];
  res.status(refusal.status).render('studio/refused', {
    title: studioTitle(translate('studio.refused.title')),
    message: refusal.message,
    issues: slug ? presentIssues(refusal.issues, slug) : [],
    backHref: slug && courseSlugPattern.test(slug) ? `/studio/courses/${slug}` : '/studio',
  });
};
