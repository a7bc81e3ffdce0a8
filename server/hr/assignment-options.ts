import { assignmentInScope } from '../assignments/assignment-scope.ts';
import { activeAssignments, findAssignment } from '../assignments/queries.ts';
import type { Assignment } from '../assignments/schema.ts';
import { formatDateFr } from '../i18n/format-date-fr.ts';
import { translate } from '../i18n/translate.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { Scope } from '../structures/scope.ts';

/** « Cours — Structure : Foyer Sud, échéance 15 décembre 2026 »: an assignment as the filter lists it. */
function labelOf(assignment: Readonly<Assignment>): string {
  const target =
    assignment.target === 'everyone'
      ? translate('assignments.target.everyone')
      : assignment.target === 'structure'
        ? translate('assignments.target.structureOf', { structure: assignment.structure ?? '' })
        : translate('assignments.target.peopleCount', { count: assignment.userIds.length });
  const course = assignment.courseTitle;
  return assignment.dueDate
    ? translate('hr.filters.assignmentOption', { course, target, dueDate: formatDateFr(assignment.dueDate) })
    : translate('hr.filters.assignmentOptionNoDate', { course, target });
}

/**
 * The active assignments for the dashboard's filter, and the chosen one even if withdrawn since (a
 * bookmark); only those within the person's scope (decision 022): another federation's is unknown here.
 */
export async function assignmentOptions(
  store: Pick<AppStore, 'get' | 'findBy'>,
  chosen: string | undefined,
  scope: Scope,
): Promise<{ value: string; label: string }[]> {
  const listed = await activeAssignments(store);
  const withdrawn = chosen && !listed.some((a) => a.id === chosen) ? await findAssignment(store, chosen) : undefined;
  const options: { value: string; label: string }[] = [];
  for (const a of [...listed, ...(withdrawn ? [withdrawn] : [])])
    if (await assignmentInScope(store, a, scope)) options.push({ value: a.id, label: labelOf(a) });
  return options;
}
