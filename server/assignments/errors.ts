import type { FieldErrors } from '../http/parse-form.ts';
import { NotFoundError, RejectedContentError } from '../shared/errors.ts';

export class AssignmentNotFoundError extends NotFoundError {
  constructor(readonly assignmentId: string) {
    super(`no assignment ${assignmentId}`);
  }
}

/** The form was read but names a course, a structure or people that do not exist: one message per field. */
export class AssignmentRejectedError extends RejectedContentError {
  constructor(readonly errors: FieldErrors) {
    super('assignment refused');
  }
}
