import { translate } from '../i18n/translate.ts';
import { type MarkdownPdf, renderMarkdownPdf } from '../shared/pdf/markdown-pdf.ts';
import type { Course } from './course.ts';
import type { JobAid } from './job-aid.ts';

const rendered = new WeakMap<JobAid, Promise<MarkdownPdf>>();

/**
 * The course's job aid as an A4 PDF, laid out from the same Markdown as its page. A rendering costs a few
 * hundred milliseconds (fonts are parsed and subset per document), so each loaded job aid keeps its own;
 * a new version of the course is loaded anew, hence a new PDF.
 */
export function jobAidPdf(course: Course, jobAid: JobAid, appName: string): Promise<MarkdownPdf> {
  const cached = rendered.get(jobAid);
  if (cached) return cached;
  const pdf = layOutJobAid(course, jobAid, appName);
  rendered.set(jobAid, pdf);
  pdf.catch(() => rendered.delete(jobAid));
  return pdf;
}

type JobAidSource = { title: string; version: number; authors: string[] };

/** The job aid laid out, not kept; `maxPages` stops early (to count pages, never to serve). */
export function layOutJobAid(
  course: JobAidSource,
  jobAid: Pick<JobAid, 'title' | 'markdown'>,
  appName: string,
  maxPages?: number,
): Promise<MarkdownPdf> {
  return renderMarkdownPdf(jobAid.markdown, {
    title: jobAid.title,
    heading: jobAid.title,
    author: course.authors.join(', '),
    subject: course.title,
    footer: translate('jobAid.footer', { course: course.title, version: course.version, app: appName }),
    maxPages,
  });
}
