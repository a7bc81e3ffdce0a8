import type { Catalog } from '../catalog/course.ts';
import { translate } from '../i18n/translate.ts';
import type { AppStore } from '../store/app-collections.ts';
import { inScope, type Scope } from '../structures/scope.ts';
import { satisfactionResponses } from './queries.ts';
import { parseSatisfactionFilters } from './report-filters.ts';
import { summarizeSatisfaction } from './summarize-satisfaction.ts';

/** Where a report lives: HR sees every course and may filter by structure; the studio, one course. */
export interface ReportScope {
  /** The form's address; the CSV is at `${path}/export.csv` with the same query. */
  path: string;
  /** Set in the studio: the report is about this course only. */
  course?: string;
  byStructure: boolean;
  /** HR granted on part of the network: only the responses of its structures (decision 022). */
  reach?: Scope;
}

/** The satisfaction report's page: filters as typed, their errors, and the results per course. */
export async function satisfactionReportPage(
  query: unknown,
  scope: ReportScope,
  deps: { store: AppStore; catalog: Catalog },
) {
  const parsed = parseSatisfactionFilters(
    scope.course ? { ...(query as object), course: scope.course } : query,
    deps.catalog,
  );
  if (!scope.byStructure) delete parsed.filters.structure;
  const ok = Object.keys(parsed.errors).length === 0;
  const responses = (await satisfactionResponses(deps.store, scope.course)).filter(
    (response) => !scope.reach || inScope(scope.reach, response.structure),
  );
  const structures = scope.byStructure ? [...new Set(responses.map((r) => r.structure))].filter(Boolean).sort() : [];
  const search = new URLSearchParams(parsed.values).toString();
  return {
    title: translate('satisfaction.report.title'),
    noindex: true,
    scope,
    courseTitle: scope.course ? deps.catalog.bySlug.get(scope.course)?.title : undefined,
    values: parsed.values,
    errors: parsed.errors,
    courses: deps.catalog.courses.map((c) => ({ value: c.slug, label: c.title })),
    structures: structures.map((s) => ({ value: s, label: s })),
    results: ok ? summarizeSatisfaction(responses, parsed.filters, deps.catalog) : [],
    exportHref: `${scope.path}/export.csv${search ? `?${search}` : ''}`,
  };
}
