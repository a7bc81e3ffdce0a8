import { z } from 'zod';
import type { Catalog } from '../catalog/course.ts';
import { says } from '../shared/says.ts';
import type { SatisfactionFilters } from './summarize-satisfaction.ts';

const Month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, says('satisfaction.report.monthInvalid'))
  .or(z.literal(''))
  .optional();

const Query = z.object({
  course: z.string().trim().max(200).optional(),
  structure: z.string().trim().max(200).optional(),
  from: Month,
  to: Month,
});

export interface ParsedFilters {
  filters: SatisfactionFilters;
  /** As typed, to show them again. */
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** The report's query string, read strictly: a filter that cannot be read is reported, never dropped. */
export function parseSatisfactionFilters(query: unknown, catalog: Catalog): ParsedFilters {
  const raw = (query ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(
    ['course', 'structure', 'from', 'to'].flatMap((key) => (typeof raw[key] === 'string' ? [[key, raw[key]]] : [])),
  );
  const parsed = Query.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { filters: {}, values, errors };
  }
  const { course, structure, from, to } = parsed.data;
  if (course && !catalog.bySlug.has(course)) errors.course = says('satisfaction.report.courseUnknown').error();
  return {
    filters: {
      ...(course ? { course } : {}),
      ...(structure ? { structure } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
    values,
    errors,
  };
}
