// HR of part of the network sees and makes the assignments within its scope (decision 022): an
// assignment to everyone belongs to the whole network; to a structure, to that structure's scope; to
// named people, to whoever reaches every one of them.
import type { FieldErrors } from '../http/parse-form.ts';
import { translate } from '../i18n/translate.ts';
import type { AppStore } from '../store/app-collections.ts';
import { inScope, type Scope } from '../structures/scope.ts';
import type { AssignmentForm } from './assignment-form.ts';
import { splitEmails } from './assignment-form.ts';
import type { Assignment } from './schema.ts';

export async function assignmentInScope(
  store: Pick<AppStore, 'get'>,
  assignment: Readonly<Assignment>,
  scope: Scope,
): Promise<boolean> {
  if (scope.all) return true;
  if (assignment.target === 'everyone') return false;
  if (assignment.target === 'structure') return inScope(scope, assignment.structure ?? '');
  for (const id of assignment.userIds) {
    const person = await store.get('users', id);
    if (!person || !inScope(scope, person.structure)) return false;
  }
  return true;
}

/** What the form asks for beyond the scope, as field errors (addresses outside it read as unknown). */
export async function targetBeyondScope(
  store: Pick<AppStore, 'findBy'>,
  form: AssignmentForm,
  scope: Scope,
): Promise<FieldErrors> {
  if (scope.all) return {};
  if (form.target === 'everyone') return { target: translate('assignments.form.everyoneOutsideScope') };
  if (form.target === 'structure' && !inScope(scope, form.structure))
    return { structure: translate('assignments.form.structureRequired') };
  if (form.target !== 'people') return {};
  const outside: string[] = [];
  for (const email of splitEmails(form.emails)) {
    const [person] = await store.findBy('users', 'email', email);
    if (person && !inScope(scope, person.structure)) outside.push(email);
  }
  return outside.length > 0
    ? { emails: translate('assignments.form.emailsUnknown', { emails: outside.slice(0, 20).join(', ') }) }
    : {};
}
