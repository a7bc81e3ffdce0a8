import { translate } from '../i18n/translate.ts';
import type { Course } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { jobAidFile } from './job-aid.ts';

/**
 * A job aid is promised on one A4 page: one that needs more is an error, reported at the top of its file.
 * Kept out of loadCourse because laying out a PDF costs hundreds of milliseconds: the check command and the
 * studio's checks (before publication) run it; the server trusts what was published.
 */
export async function checkJobAidFits(course: Course, display: (file: string) => string): Promise<CourseIssue[]> {
  if (!course.jobAid) return [];
  // Imported here: a course worker or a server that never lays out a job aid does not load pdfkit.
  const { jobAidPdf } = await import('./job-aid-pdf.ts');
  const { pages } = await jobAidPdf(course, course.jobAid, 'Passerelle');
  if (pages <= 1) return [];
  return [{ file: display(jobAidFile), line: 1, message: translate('jobAid.tooLong', { pages }) }];
}
