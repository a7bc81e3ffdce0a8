import path from 'node:path';
import { checkCourseInWorker } from '../catalog/check-course-in-worker.ts';
import { checkJobAidInWorker } from '../catalog/check-job-aid-in-worker.ts';
import type { Course } from '../catalog/course.ts';
import type { CourseIssue } from '../catalog/course-issue.ts';
import { CourseTooSlowError } from '../catalog/course-too-slow-error.ts';
import { jobAidFile } from '../catalog/job-aid.ts';
import type { LoadCourseOptions, LoadCourseResult } from '../catalog/load-course.ts';
import type { StudioContext } from './studio-context.ts';

/** Laying out a job aid loads pdfkit and the fonts in the worker: slower than a text check, yet bounded. */
const jobAidDeadlineMs = 15_000;

/**
 * Checks and renders a trainer's course text in a worker thread with a deadline, so a text that is slow
 * to render never holds up the server. Running out of time is one more course issue on the file it was
 * on: the editor keeps the trainer's text and says what to shorten; publication and import refuse it.
 */
export async function checkUntrustedCourse(
  ctx: Pick<StudioContext, 'courseCheckTimeoutMs'>,
  dir: string,
  options: Omit<LoadCourseOptions, 'onFile'>,
): Promise<LoadCourseResult> {
  try {
    return await checkCourseInWorker(dir, { ...options, deadlineMs: ctx.courseCheckTimeoutMs });
  } catch (error) {
    return { course: undefined, issues: [tooSlowIssue(error, `${path.basename(dir)}/course.md`)] };
  }
}

/**
 * The course's job aid fits on one page (check-job-aid-fits.ts), checked in a worker: before publication
 * only, since it costs more than the checks the editor runs at every preview.
 */
export async function checkUntrustedJobAid(
  ctx: Pick<StudioContext, 'courseCheckTimeoutMs'>,
  course: Course,
  display: (file: string) => string,
): Promise<CourseIssue[]> {
  try {
    return await checkJobAidInWorker(course, display, {
      deadlineMs: Math.max(ctx.courseCheckTimeoutMs, jobAidDeadlineMs),
    });
  } catch (error) {
    return [tooSlowIssue(error, display(jobAidFile))];
  }
}

function tooSlowIssue(error: unknown, fallbackFile: string): CourseIssue {
  if (!(error instanceof CourseTooSlowError)) throw error;
  return { file: error.file ?? fallbackFile, line: 1, message: error.message };
}
