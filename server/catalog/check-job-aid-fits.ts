import { translate } from '../i18n/translate.ts';
import type { Course } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { jobAidFile } from './job-aid.ts';

/** Enough to tell one page from more: the layout stops after the second page. */
export const pagesToCount = 2;

/** The issue of a job aid that takes `pages` pages, if more than one; reported at the top of its file. */
export function jobAidPageIssues(pages: number, display: (file: string) => string): CourseIssue[] {
  if (pages <= 1) return [];
  return [{ file: display(jobAidFile), line: 1, message: translate('jobAid.tooLong', { pages }) }];
}

/**
 * A job aid is promised on one A4 page: one that needs more is an error. Laying out a PDF costs a few
 * hundred milliseconds, so this is not part of loadCourse (start-up would pay it for every course): the
 * check command runs it, and the studio runs it in a course worker before publication
 * (check-job-aid-in-worker.ts); the server trusts what was published.
 */
export async function checkJobAidFits(course: Course, display: (file: string) => string): Promise<CourseIssue[]> {
  if (!course.jobAid) return [];
  // Imported here: a process that never lays out a job aid does not load pdfkit.
  const { layOutJobAid } = await import('./job-aid-pdf.ts');
  const { pages } = await layOutJobAid(course, course.jobAid, 'Passerelle', pagesToCount);
  return jobAidPageIssues(pages, display);
}
