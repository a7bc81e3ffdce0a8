import { usersOfStructure } from '../accounts/queries.ts';
import type { Catalog } from '../catalog/course.ts';
import { translate } from '../i18n/translate.ts';
import { minimumGroupSize } from '../learning/aggregate-objective-progress.ts';
import { courseObjectiveProgress } from '../learning/course-objective-progress.ts';
import type { AppStore } from '../store/app-collections.ts';
import { codesInView, inScope, type View } from '../structures/scope.ts';
import { structureOptions } from '../structures/structure-options.ts';
import type { ParsedCompletionFilters } from './completion-filters.ts';
import { completionPeriod } from './completion-period.ts';

/**
 * « Progression par objectif » in « Suivi RH »: for one course with a positioning, the mean before and
 * after per objective of the learners of a structure (or all) measured in a period. Aggregated only, with
 * no figure on fewer than `minimumGroupSize` people: HR never sees one person's results (decision 015).
 */
export async function progressionPage(
  parsed: ParsedCompletionFilters,
  deps: { store: AppStore; catalog: Catalog; view: View },
) {
  const { filters, errors, values } = parsed;
  const courses = deps.catalog.courses.filter((c) => c.modules.some((m) => m.positioning));
  const course = filters.course ? courses.find((c) => c.slug === filters.course) : undefined;
  // Within the person's scope; a structure means it and everything below it (decision 022).
  const codes = codesInView(deps.view.tree, deps.view.scope, filters.structure);
  const userIds = codes
    ? new Set((await Promise.all(codes.map((code) => usersOfStructure(deps.store, code)))).flat().map((u) => u.id))
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
    structures: structureOptions(deps.view.tree).filter((option) => inScope(deps.view.scope, option.code)),
    courseOptions: courses.map((c) => ({ value: c.slug, label: c.title })),
    course,
    summary,
    minimum: minimumGroupSize,
  };
}
