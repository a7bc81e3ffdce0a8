import { randomUUID } from 'node:crypto';
import { findUserByEmail } from '../../accounts/queries.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Catalog } from '../../catalog/course.ts';
import type { FieldErrors } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore, AppTx } from '../../store/app-collections.ts';
import { loadTree } from '../../structures/queries.ts';
import { rootCode } from '../../structures/schema.ts';
import { coveredStructures } from '../assignment-coverage.ts';
import { type AssignmentForm, splitEmails } from '../assignment-form.ts';
import { parisDate } from '../assignment-status.ts';
import { AssignmentRejectedError } from '../errors.ts';
import type { Assignment } from '../schema.ts';

/** Whether any account belongs to these structures; an assignment to the root concerns everyone. */
async function anyMember(tx: Pick<AppTx, 'findBy'>, covered: readonly string[], structure: string): Promise<boolean> {
  if (structure === rootCode) return true;
  for (const code of covered) if ((await tx.findBy('users', 'structure', code)).length > 0) return true;
  return false;
}

const isRealDate = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
};

/**
 * Assigns a published course to everyone, a structure or named people, with an optional due date (today
 * or later). Throws AssignmentRejectedError with a message per field (unknown course, structure or
 * addresses, a date past or impossible). Audited.
 */
export async function assignCourse(
  input: AssignmentForm & { actorId: string },
  deps: { store: AppStore; clock: Clock; catalog: Catalog },
): Promise<Readonly<Assignment>> {
  const now = deps.clock();
  // An assignment to a structure concerns everything below it: someone there must be concerned.
  const covered =
    input.target === 'structure' && input.structure
      ? (coveredStructures(await loadTree(deps.store), input.structure) ?? [])
      : [];
  return deps.store.transact(async (tx) => {
    const errors: FieldErrors = {};
    const course = deps.catalog.bySlug.get(input.course);
    if (!course) errors.course = translate('assignments.form.courseRequired');
    let userIds: string[] = [];
    if (input.target === 'structure' && !(await anyMember(tx, covered, input.structure)))
      errors.structure = translate('assignments.form.structureRequired');
    if (input.target === 'people') {
      const emails = splitEmails(input.emails);
      const found = await Promise.all(emails.map((email) => findUserByEmail(tx, email)));
      const unknown = emails.filter((_, i) => !found[i]?.active);
      if (emails.length === 0) errors.emails = translate('assignments.form.emailsRequired');
      else if (unknown.length > 0)
        errors.emails = translate('assignments.form.emailsUnknown', { emails: unknown.slice(0, 20).join(', ') });
      userIds = found.flatMap((u) => (u ? [u.id] : []));
    }
    if (input.dueDate === 'invalid' || (input.dueDate && !isRealDate(input.dueDate)))
      errors.dueDate = translate('assignments.form.dueDateInvalid');
    else if (input.dueDate && input.dueDate < parisDate(now))
      errors.dueDate = translate('assignments.form.dueDatePast');
    if (Object.keys(errors).length > 0) throw new AssignmentRejectedError(errors);

    const assignment = tx.put('assignments', {
      id: randomUUID(),
      course: course!.slug,
      courseTitle: course!.title,
      target: input.target,
      structure: input.target === 'structure' ? input.structure : null,
      userIds,
      dueDate: input.dueDate || null,
      status: 'active',
      createdAt: now.toISOString(),
      createdBy: input.actorId,
      withdrawnAt: null,
      withdrawnBy: null,
    });
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'assignment.created',
      target: assignment.id,
      details: {
        course: assignment.course,
        target: assignment.target,
        people: userIds.length,
        dueDate: assignment.dueDate,
      },
    });
    return assignment;
  });
}
