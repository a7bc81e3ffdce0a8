import path from 'node:path';
import { checkCourseInWorker } from '../catalog/check-course-in-worker.ts';
import { CourseTooSlowError } from '../catalog/course-too-slow-error.ts';
import type { LoadCourseOptions, LoadCourseResult } from '../catalog/load-course.ts';
import type { StudioContext } from './studio-context.ts';

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
    if (!(error instanceof CourseTooSlowError)) throw error;
    const file = error.file ?? `${path.basename(dir)}/course.md`;
    return { course: undefined, issues: [{ file, line: 1, message: error.message }] };
  }
}
