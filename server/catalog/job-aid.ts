import { z } from 'zod';

/** The file a course folder may hold beside its modules: the printable one-page job aid (« fiche »). */
export const jobAidFile = 'fiche.md';

/** Front matter of `fiche.md`. */
export const JobAidFrontMatter = z.strictObject({
  /** Printed as the job aid's heading and as the page title. */
  titre: z.string().trim().min(1).max(120),
});

/** A course's job aid, meant to be printed on one A4 page (check-job-aid-fits.ts). */
export interface JobAid {
  title: string;
  /** Its Markdown body, which the PDF is laid out from. */
  markdown: string;
  /** Line of the body's first line in `fiche.md`, to report where an issue is. */
  bodyLine: number;
  /** The same body as sanitised HTML, rendered on first use. */
  html: string;
}
