import type { Catalog } from '../catalog/course.ts';
import { translate } from '../i18n/translate.ts';
import type { AppStore } from '../store/app-collections.ts';
import { rootCode } from '../structures/schema.ts';
import { inScope, type View } from '../structures/scope.ts';
import { structureOptions } from '../structures/structure-options.ts';
import { assignmentOptions } from './assignment-options.ts';
import { type CompletionSort, completionPageSize, type ParsedCompletionFilters } from './completion-filters.ts';
import { CompletionStatus } from './completion-row.ts';
import type { CompletionsSource } from './completions-source.ts';
import { rollUpSummary, rollUpUnder } from './roll-up-structures.ts';
import { completionStatusLabel } from './status-labels.ts';

/** The parameters a link carries, in a fixed order so bookmarked URLs stay identical. */
const linkedParams = ['from', 'to', 'structure', 'course', 'assignment', 'status', 'sort', 'dir', 'page'] as const;
type LinkedParam = (typeof linkedParams)[number];
type Filters = ParsedCompletionFilters['filters'];

/** `?from=…&course=…` from the valid filters, with overrides; defaults (asc, page 1) are left out. */
function queryOf(filters: Filters, overrides: Partial<Record<LinkedParam, string | number>> = {}): string {
  const params = new URLSearchParams();
  for (const name of linkedParams) {
    const value = name in overrides ? overrides[name] : filters[name];
    if (value === undefined || value === '' || (name === 'dir' && value === 'asc') || (name === 'page' && value === 1))
      continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The completions table's columns; those with a key sort the table. */
const tableColumns: { label: string; key?: CompletionSort }[] = [
  { label: translate('hr.column.name'), key: 'name' },
  { label: translate('hr.column.structure'), key: 'structure' },
  { label: translate('hr.column.course'), key: 'course' },
  { label: translate('hr.column.status'), key: 'status' },
  { label: translate('hr.column.startedAt') },
  { label: translate('hr.column.completedAt'), key: 'completedAt' },
  { label: translate('hr.column.measured') },
  { label: translate('hr.column.finalScore') },
  { label: translate('hr.column.certificate') },
];

export interface DashboardDeps {
  store: AppStore;
  completions: CompletionsSource;
  catalog: Catalog;
  /** What the person reaches: the structures offered in the filter, the tree the totals roll up. */
  view: View;
}

/**
 * What the HR dashboard shows for these filters: one page of rows, the totals over every filtered row,
 * the filter lists, and links (sort, pages, exports) that keep the filters.
 */
export async function dashboardPage(parsed: ParsedCompletionFilters, deps: DashboardDeps) {
  const { errors, values } = parsed;
  const { catalog } = deps;
  const assignments = await assignmentOptions(deps.store, parsed.filters.assignment, deps.view.scope);
  const filters = { ...parsed.filters };
  // An id that names no assignment is a wrong filter like any other: said next to its field, then ignored.
  if (filters.assignment && !assignments.some((option) => option.value === filters.assignment)) {
    errors.assignment = translate('hr.filters.unknownAssignment');
    filters.assignment = undefined;
  }
  const sort = filters.sort ?? 'name';
  const page = await deps.completions.page({ ...filters, sort }, filters.page, completionPageSize);
  const courseOptions = catalog.courses.map((course) => ({ value: course.slug, label: course.title }));
  // A course no longer published can still be filtered on from a bookmark or the totals table.
  if (filters.course && !catalog.bySlug.has(filters.course)) {
    const title = page.summary.byCourse.find((line) => line.key === filters.course)?.label ?? filters.course;
    courseOptions.push({ value: filters.course, label: translate('hr.filters.unpublishedCourse', { title }) });
  }
  const exportQuery = queryOf(filters, { page: 1, ...(filters.sort ? {} : { dir: 'asc' }) });
  return {
    title: translate('hr.dashboard.title'),
    noindex: true,
    filters,
    errors,
    // A date input may only hold a valid date: a wrong one is named in its error message instead.
    values: Object.fromEntries(
      Object.entries(values).filter(([name]) => !((name === 'from' || name === 'to') && errors[name])),
    ),
    structures: structureOptions(deps.view.tree).filter((option) => inScope(deps.view.scope, option.code)),
    structureName: (code: string) => deps.view.tree.byCode.get(code)?.name ?? code,
    courseOptions,
    assignmentOptions: assignments,
    statusOptions: CompletionStatus.options.map((value) => ({ value, label: completionStatusLabel(value) })),
    rows: page.rows,
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    summary: rollUpSummary(page.summary, rollUpUnder(deps.view.tree, filters.structure ?? rootCode)),
    columns: tableColumns.map((column) => {
      if (!column.key) return column;
      const current = sort === column.key;
      const dir = current && filters.dir === 'asc' ? 'desc' : 'asc';
      return {
        ...column,
        ariaSort: current ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined,
        href: `/hr${queryOf(filters, { sort: column.key, dir, page: 1 })}`,
      };
    }),
    pageHref: (target: number) => `/hr${queryOf(filters, { page: target })}`,
    filterHref: (overrides: Partial<Record<LinkedParam, string>>) =>
      `/hr${queryOf(filters, { page: 1, ...overrides })}`,
    clearHref: '/hr',
    hasFilters: queryOf(filters, { page: 1 }) !== '',
    exports: {
      csv: `/hr/exports/completions.csv${exportQuery}`,
      rfc: `/hr/exports/completions.csv${exportQuery ? `${exportQuery}&` : '?'}format=rfc`,
      xlsx: `/hr/exports/completions.xlsx${exportQuery}`,
    },
    // xAPI statements are per course: offered once a course is chosen.
    statements: filters.course ? statementsLinks(filters.course, filters.structure) : undefined,
  };
}

function statementsLinks(course: string, structure: string | undefined) {
  const query = new URLSearchParams({ course, ...(structure ? { structure } : {}) }).toString();
  return { json: `/hr/exports/statements.json?${query}`, jsonl: `/hr/exports/statements.jsonl?${query}` };
}
