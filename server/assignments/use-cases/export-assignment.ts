import { recordAudit } from '../../audit/record-audit.ts';
import type { MessageKey } from '../../i18n/fr.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../shared/clock.ts';
import { loadOnFirstUse } from '../../shared/load-on-first-use.ts';
import { neutralizeFormula } from '../../shared/neutralize-formula.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { parisDate } from '../assignment-status.ts';
import { AssignmentNotFoundError } from '../errors.ts';
import { assignmentProgress } from '../queries.ts';

/** Loaded by the first export, not at start-up (decision 025). */
const csvStringify = loadOnFirstUse<typeof import('csv-stringify/sync')>('csv-stringify/sync');

const frenchDay = (day: string) => day.split('-').reverse().join('/');

/**
 * Who an assignment concerns and where they stand, as CSV for a French Excel (BOM, `;`, dd/mm/yyyy,
 * cells made inert against formulas): the due date, the completion date and whether it came in time.
 * An export of personal data, so it is audited.
 */
export async function exportAssignment(
  input: { actorId: string; assignmentId: string },
  { store, clock }: { store: AppStore; clock: Clock },
): Promise<{ filename: string; csv: string }> {
  const now = clock();
  const assignment = await store.transact(async (tx) => {
    const found = await tx.get('assignments', input.assignmentId);
    if (found?.status !== 'active') throw new AssignmentNotFoundError(input.assignmentId);
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'report.assignment_exported',
      target: found.id,
      details: {},
    });
    return found;
  });
  const people = await assignmentProgress(store, assignment, parisDate(now));
  const header = ['name', 'matricule', 'structure', 'course', 'dueDate', 'state', 'completedAt', 'onTime'].map((c) =>
    translate(`assignments.export.${c}` as MessageKey),
  );
  const rows = people.map(({ person, state, completedAt }) => [
    neutralizeFormula(person.name),
    neutralizeFormula(person.matricule ?? ''),
    neutralizeFormula(person.structure),
    neutralizeFormula(assignment.courseTitle),
    assignment.dueDate ? frenchDay(assignment.dueDate) : '',
    translate(`assignments.export.state.${state}` as MessageKey),
    completedAt ? frenchDay(parisDate(new Date(completedAt))) : '',
    completedAt && assignment.dueDate
      ? translate(state === 'done' ? 'assignments.export.yes' : 'assignments.export.no')
      : '',
  ]);
  const csv = `\uFEFF${csvStringify().stringify([header, ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`;
  return { filename: `formation-assignee-${assignment.course}-${parisDate(now)}.csv`, csv };
}
