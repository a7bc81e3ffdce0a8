import { listStructures, usersOfStructure } from '../accounts/queries.ts';
import type { Catalog } from '../catalog/course.ts';
import { translate } from '../i18n/translate.ts';
import { minimumGroupSize } from '../learning/aggregate-objective-progress.ts';
import { courseObjectiveProgress } from '../learning/course-objective-progress.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { ParsedCompletionFilters } from './completion-filters.ts';
import { completionPeriod } from './completion-period.ts';

/**
 * « Progression par objectif » in « Suivi RH »: for one course with a positioning, the mean before and
 * after per objective of the learners of a structure (or all) measured in a period. Aggregated only, with
 * no figure on fewer than `minimumGroupSize` people: HR never sees one person's results (decision 015).
 */
export async function progressionPage(parsed: ParsedCompletionFilters, deps: { store: AppStore; catalog: Catalog }) {
  const { filters, errors, values } = parsed;
  const courses = deps.catalog.courses.filter((c) => c.modules.some((m) => m.positioning));
  const course = filters.course ? courses.find((c) => c.slug === filters.course) : undefined;
  const userIds = filters.structure
    ? new Set((await usersOfStructure(deps.store, filters.structure)).map((u) => u.id))
    : undefined;
  const summary = course
    ? await courseObjectiveProgress(deps.store, course, { userIds, period: completionPeriod(filters) })
    : undefined;
  return {
    title: translate('assessment.hr.title'),
    noindex: true,
    errors,
    values: Object.fromEntries(
      Object.entries(values).filter(([name]) => !((name === 'from' || name === 'to') && errors[name])),
    ),
    structures: await listStructures(deps.store),
    courseOptions: courses.map((c) => ({ value: c.slug, label: c.title })),
    course,
    summary,
    minimum: minimumGroupSize,
  };
}
