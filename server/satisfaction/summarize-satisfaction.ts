import type { Catalog } from '../catalog/course.ts';
import { type SatisfactionItem, satisfactionItems } from './satisfaction-form.ts';
import type { SatisfactionResponse } from './schema.ts';

/** Below this many responses a group is not detailed: with one or two, an answer points at a person. */
export const minimumResponses = 3;

export interface ItemSummary {
  item: SatisfactionItem;
  answered: number;
  /** One decimal; null when nobody answered this question. */
  mean: number | null;
  /** How many answered 1, 2, 3, 4 and 5. */
  counts: [number, number, number, number, number];
}

export interface CourseSatisfaction {
  course: string;
  title: string;
  responses: number;
  /** False below `minimumResponses`: only the count is shown. */
  detailed: boolean;
  items: ItemSummary[];
  /** Sorted, so their order says nothing of when each was written. */
  comments: string[];
}

/** The filters of a report: months `YYYY-MM` (bounds included), a course, a structure. */
export interface SatisfactionFilters {
  course?: string;
  structure?: string;
  from?: string;
  to?: string;
}

export function matchesFilters(response: SatisfactionResponse, filters: SatisfactionFilters): boolean {
  return (
    (!filters.course || response.course === filters.course) &&
    (!filters.structure || response.structure === filters.structure) &&
    (!filters.from || response.month >= filters.from) &&
    (!filters.to || response.month <= filters.to)
  );
}

/** The responses that match, per course, most answered first; a course's details only from 3 responses. */
export function summarizeSatisfaction(
  responses: readonly Readonly<SatisfactionResponse>[],
  filters: SatisfactionFilters,
  catalog: Catalog,
): CourseSatisfaction[] {
  const byCourse = new Map<string, Readonly<SatisfactionResponse>[]>();
  for (const response of responses) {
    if (!matchesFilters(response, filters)) continue;
    byCourse.set(response.course, [...(byCourse.get(response.course) ?? []), response]);
  }
  return [...byCourse]
    .map(([course, rows]) => {
      const detailed = rows.length >= minimumResponses;
      return {
        course,
        title: catalog.bySlug.get(course)?.title ?? course,
        responses: rows.length,
        detailed,
        items: detailed ? satisfactionItems.map((item) => summarizeItem(item, rows)) : [],
        comments: detailed ? rows.flatMap((r) => (r.comment ? [r.comment] : [])).sort() : [],
      };
    })
    .sort((a, b) => b.responses - a.responses || a.title.localeCompare(b.title, 'fr'));
}

function summarizeItem(item: SatisfactionItem, rows: readonly Readonly<SatisfactionResponse>[]): ItemSummary {
  const counts: ItemSummary['counts'] = [0, 0, 0, 0, 0];
  let sum = 0;
  let answered = 0;
  for (const row of rows) {
    const score = row[item];
    if (score === null) continue;
    counts[score - 1]! += 1;
    sum += score;
    answered += 1;
  }
  return { item, answered, mean: answered === 0 ? null : Math.round((sum / answered) * 10) / 10, counts };
}
