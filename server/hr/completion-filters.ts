import { z } from 'zod';
import { translate } from '../i18n/translate.ts';
import { CompletionStatus } from './completion-row.ts';

export const completionSortKeys = ['name', 'structure', 'course', 'status', 'completedAt'] as const;
export const CompletionSort = z.enum(completionSortKeys, { error: translate('hr.filters.unknownSort') });
export type CompletionSort = z.infer<typeof CompletionSort>;

/** Rows per page of the HR dashboard. */
export const completionPageSize = 50;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (what `<input type="date">` sends). */
function isCalendarDay(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// A form sends empty fields for "no filter", and a repeated parameter arrives as an array.
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

const badDay = translate('hr.filters.badDay');
const Day = z.string({ error: badDay }).refine(isCalendarDay, { error: badDay });
const badPage = translate('hr.filters.badPage');

/** The HR dashboard's and exports' GET parameters; every field is optional so a view can be bookmarked. */
export const CompletionFilters = z
  .object({
    /** Completed on or after this Paris day. */
    from: optional(Day),
    /** Completed on or before this Paris day. */
    to: optional(Day),
    /** A structure name exactly as on the accounts. */
    structure: optional(
      z
        .string({ error: translate('hr.filters.badStructure') })
        .max(120, { error: translate('hr.filters.longStructure') }),
    ),
    /** A course slug, published or not. */
    course: optional(
      z
        .string({ error: translate('hr.filters.badCourse') })
        .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: translate('hr.filters.unknownCourse') }),
    ),
    /** An assignment id: its course, for the people it concerns, not started included. */
    assignment: optional(
      z
        .string({ error: translate('hr.filters.unknownAssignment') })
        .regex(/^[\w-]{1,64}$/, { error: translate('hr.filters.unknownAssignment') }),
    ),
    status: optional(z.enum(CompletionStatus.options, { error: translate('hr.filters.unknownStatus') })),
    /** Absent: the store's order (exports stream then); the dashboard sorts by name. */
    sort: optional(CompletionSort),
    dir: z.preprocess(
      blankToUndefined,
      z.enum(['asc', 'desc'], { error: translate('hr.filters.unknownDir') }).default('asc'),
    ),
    page: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: badPage })
        .int({ error: badPage })
        .min(1, { error: badPage })
        .max(1_000_000, { error: badPage })
        .default(1),
    ),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    error: translate('hr.filters.toBeforeFrom'),
  });
export type CompletionFilters = z.infer<typeof CompletionFilters>;

export interface ParsedCompletionFilters {
  /** Valid values only: a wrong one is dropped, as if that filter were not set. */
  filters: CompletionFilters;
  /** One French message per wrong parameter, shown next to its field. */
  errors: Record<string, string>;
  /** The parameters as typed, to fill the form again. */
  values: Record<string, string>;
}

/** Parses the query string leniently: a bad parameter yields a message and is ignored, never a 500. */
export function parseCompletionFilters(query: unknown): ParsedCompletionFilters {
  const input: Record<string, unknown> = { ...((query ?? {}) as Record<string, unknown>) };
  const values = Object.fromEntries(
    Object.entries(input).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  );
  const errors: Record<string, string> = {};
  // Each pass drops the fields that failed; the cross-field rule (from ≤ to) may need a second one.
  for (let pass = 0; pass < 4; pass += 1) {
    const result = CompletionFilters.safeParse(input);
    if (result.success) return { filters: result.data, errors, values };
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '_form');
      errors[field] ??= issue.message;
      delete input[field];
    }
  }
  return { filters: CompletionFilters.parse({}), errors, values };
}
