import { jobAidPageIssues } from './check-job-aid-fits.ts';
import type { Course } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { CourseWorkerPool } from './course-worker-pool.ts';
import { jobAidFile } from './job-aid.ts';

/**
 * checkJobAidFits in a course worker, off the server's event loop: the studio's check before publication.
 * The layout stops after two pages, so its cost is bounded; the deadline covers a worker loading pdfkit and
 * the fonts for the first time. Past it, CourseTooSlowError, as for any course check.
 */
export async function checkJobAidInWorker(
  course: Course,
  display: (file: string) => string,
  options: { deadlineMs: number; pool?: CourseWorkerPool },
): Promise<CourseIssue[]> {
  if (!course.jobAid) return [];
  const pool = options.pool ?? CourseWorkerPool.shared();
  const { title, version, authors } = course;
  const { pages } = await pool.run(
    {
      kind: 'countJobAidPages',
      course: { title, version, authors },
      jobAid: { title: course.jobAid.title, markdown: course.jobAid.markdown },
      file: display(jobAidFile),
    },
    options.deadlineMs,
  );
  return jobAidPageIssues(pages, display);
}
