import type { Course, TocEntry } from './course.ts';
import type { JobAid } from './job-aid.ts';
import type { LoadCourseResult } from './load-course.ts';
import type { RenderContext } from './render-markdown.ts';

/** What the main thread asks a course worker to do (course-worker.ts runs it). */
export type CourseWorkerTask =
  | { kind: 'checkCourse'; dir: string; displayRoot: string; urlBase?: string }
  | { kind: 'renderPreview'; markdown: string; ctx: RenderContext; file?: string }
  | {
      kind: 'countJobAidPages';
      course: Pick<Course, 'title' | 'version' | 'authors'>;
      jobAid: Pick<JobAid, 'title' | 'markdown'>;
      file: string;
    };

export interface CourseWorkerResults {
  checkCourse: LoadCourseResult;
  renderPreview: { html: string; toc: TocEntry[] };
  countJobAidPages: { pages: number };
}

/** Messages from a course worker: ready once started, then per task its progress and its outcome. */
export type CourseWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number; file: string }
  | { type: 'done'; id: number; result: CourseWorkerResults[CourseWorkerTask['kind']] }
  | { type: 'failed'; id: number; message: string };
