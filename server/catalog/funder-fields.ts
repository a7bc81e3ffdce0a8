import { z } from 'zod';
import type { CourseFrontMatter } from './course-front-matter.ts';

const LongText = z.string().trim().min(1).max(600);

/** A calendar date as trainers write it: `2026-11-30` (ISO) or `30/11/2026`; kept as `YYYY-MM-DD`. */
const CalendarDate = z.unknown().transform((value, ctx) => {
  const iso = calendarDate(value);
  if (iso === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `date « ${String(value)} » illisible. Écrivez-la sous la forme « 2026-11-30 » (année-mois-jour) ou « 30/11/2026 ».`,
    });
    return z.NEVER;
  }
  return iso;
});

function calendarDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = text.includes('/') ? [match[3], match[2], match[1]] : [match[1], match[2], match[3]];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 31/02 over to March: a date that does not come back the same does not exist.
  const iso = `${year}-${month}-${day}`;
  return date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * The information a funder (OPCO, Qualiopi auditor) checks before and after a training, each optional.
 * Spread into the course sheet's schema, so a typo in a key is still an unknown field at its line.
 */
export const funderFields = {
  /** Prerequisites (« aucun », or what a learner must know first). */
  prerequis: LongText.optional(),
  /** How the training is carried out (distance, asynchronous, support); printed on the certificate. */
  modalites: LongText.optional(),
  /** Adaptations offered and whom a disabled learner contacts. */
  accessibilite: LongText.optional(),
  /** Whom to ask for help, and how fast they answer. */
  contact: LongText.optional(),
  /** When the content was last brought up to date; printed on the certificate. */
  mise_a_jour: CalendarDate.optional(),
  /** Licence of the content (e.g. « CC BY-SA 4.0 »). */
  licence: LongText.optional(),
};

/** The funder information of a course, under English names; absent fields are undefined. */
export interface FunderInfo {
  prerequisites: string | undefined;
  modalities: string | undefined;
  accessibility: string | undefined;
  contact: string | undefined;
  /** `YYYY-MM-DD`. */
  updatedOn: string | undefined;
  licence: string | undefined;
}

export function funderInfo(front: CourseFrontMatter): FunderInfo {
  return {
    prerequisites: front.prerequis,
    modalities: front.modalites,
    accessibility: front.accessibilite,
    contact: front.contact,
    updatedOn: front.mise_a_jour,
    licence: front.licence,
  };
}
