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
  const pdf = renderMarkdownPdf(jobAid.markdown, {
    title: jobAid.title,
    heading: jobAid.title,
    author: course.authors.join(', '),
    subject: course.title,
    footer: translate('jobAid.footer', { course: course.title, version: course.version, app: appName }),
  });
  rendered.set(jobAid, pdf);
  pdf.catch(() => rendered.delete(jobAid));
  return pdf;
}
