// checkCourseInWorker(dir, { displayRoot, urlBase?, deadlineMs?, pool? }): Promise<LoadCourseResult>
//
// Checks and renders a course folder whose text is untrusted (a studio draft, an imported archive, a course
// about to be published) in a worker thread, so that the server keeps answering meanwhile. It resolves with
// what loadCourse() gives, but with every page already rendered: the course is plain data, whose HTML costs
// nothing more to read. Past the deadline (2 s unless given) the worker is stopped and the call rejects with
// CourseTooSlowError (a RejectedContentError, with a French message naming the file it was on). Course
// issues are results, not errors, exactly as with loadCourse().
import { CourseWorkerPool } from './course-worker-pool.ts';
import type { LoadCourseOptions, LoadCourseResult } from './load-course.ts';

export interface WorkerCallOptions {
  /** Defaults to the pool's deadline, 2 s for the shared pool. */
  deadlineMs?: number;
  /** Defaults to the process's shared pool. */
  pool?: CourseWorkerPool;
}

export function checkCourseInWorker(
  dir: string,
  options: Omit<LoadCourseOptions, 'onFile'> & WorkerCallOptions,
): Promise<LoadCourseResult> {
  const pool = options.pool ?? CourseWorkerPool.shared();
  return pool.run(
    { kind: 'checkCourse', dir, displayRoot: options.displayRoot, urlBase: options.urlBase },
    options.deadlineMs,
  );
}
