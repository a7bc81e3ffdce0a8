// renderPreviewInWorker(markdown, { assetBase, moduleBase, file? }, { deadlineMs?, pool? })
//   : Promise<{ html: string; toc: TocEntry[] }>
//
// Renders one untrusted Markdown text as renderMarkdown() does (sanitised HTML and its table of contents), in
// a worker thread with a deadline: past it (2 s unless given) the call rejects with CourseTooSlowError, whose
// French message names `file` when given (as course issues name files, e.g. `ma-formation/02-biais.md`).
import type { WorkerCallOptions } from './check-course-in-worker.ts';
import type { TocEntry } from './course.ts';
import { CourseWorkerPool } from './course-worker-pool.ts';
import type { RenderContext } from './render-markdown.ts';

export function renderPreviewInWorker(
  markdown: string,
  context: RenderContext & { file?: string },
  options: WorkerCallOptions = {},
): Promise<{ html: string; toc: TocEntry[] }> {
  const pool = options.pool ?? CourseWorkerPool.shared();
  const { file, ...ctx } = context;
  return pool.run({ kind: 'renderPreview', markdown, ctx, file }, options.deadlineMs);
}
