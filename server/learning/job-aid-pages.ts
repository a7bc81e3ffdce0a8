import type { JobAid } from '../catalog/job-aid.ts';
import { NotFoundError } from '../shared/errors.ts';
import { findCourse } from './find-course.ts';
import type { LearningHandler } from './learning-deps.ts';

function jobAidOf(course: { jobAid: JobAid | undefined }): JobAid {
  if (!course.jobAid) throw new NotFoundError();
  return course.jobAid;
}

/** The job aid as a page: printed, the print stylesheet leaves only the sheet, on one A4 page. */
export const showJobAid: LearningHandler = (deps) => (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const jobAid = jobAidOf(course);
  res.render('learning/job-aid', { title: jobAid.title, course, jobAid });
};

/** The same job aid laid out as an A4 PDF, shown in the browser (to print) rather than saved. */
export const sendJobAidPdf: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course, res.locals.courseReach);
  const jobAid = jobAidOf(course);
  // pdfkit is loaded on the first PDF asked for, not at start-up (as for certificates).
  const { jobAidPdf } = await import('../catalog/job-aid-pdf.ts');
  const { bytes } = await jobAidPdf(course, jobAid, deps.config.org.name);
  res.set({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="fiche-${course.slug}.pdf"`,
    'Cache-Control': 'private, max-age=3600',
  });
  res.send(bytes);
};
