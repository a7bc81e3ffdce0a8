// The refusals of the personal-data domain; server/http/error-map.ts maps each kind once.
import { ConflictError, NotFoundError } from '../shared/errors.ts';

/** An administrator never erases their own account: another one must do it. */
export class SelfErasureError extends ConflictError {
  constructor() {
    super('self erasure', { messageKey: 'privacy.erase.self' });
  }
}

export class PersonNotFoundError extends NotFoundError {
  constructor(readonly userId: string) {
    super(`no person ${userId}`);
  }
}

/** An erased person's account stays closed: no reactivation, no access link, no new role. */
export class ErasedAccountError extends ConflictError {
  constructor() {
    super('account erased', { messageKey: 'privacy.erase.closed' });
  }
}
