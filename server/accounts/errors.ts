// The refusals of the accounts domain, in its own words; server/http/error-map.ts gives each kind its
// status, and a route that re-renders a form shows the message next to the field it concerns.
import { ConflictError, ForbiddenError, NotFoundError, RejectedContentError } from '../shared/errors.ts';
import type { PasswordWeakness } from './check-password-strength.ts';
import type { StaffCsvError } from './parse-staff-csv.ts';

/** A one-time link that does not exist, was used, has expired, or no longer leads anywhere. */
export class TokenInvalidError extends NotFoundError {
  constructor() {
    super('one-time link invalid, used or expired');
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(readonly userId: string) {
    super(`no user ${userId}`);
  }
}

/** Emails identify people at sign-in: two accounts never share one. */
export class EmailTakenError extends ConflictError {
  constructor(readonly email: string) {
    super(`email already used: ${email}`, { messageKey: 'admin.invite.emailTaken' });
  }
}

/** Removing the admin role from the last active administrator would lock everyone out of user administration. */
export class LastAdminError extends ConflictError {
  constructor(name: string) {
    super('last active admin', { messageKey: 'admin.person.lastAdmin', params: { name } });
  }
}

/** An administrator cannot deactivate their own account (another one must do it). */
export class SelfDeactivationError extends ForbiddenError {
  constructor() {
    super('cannot deactivate oneself', { messageKey: 'admin.person.cannotDeactivateSelf' });
  }
}

/** A link is refused for a deactivated account: it must be reactivated first. */
export class AccountInactiveError extends ConflictError {
  constructor() {
    super('account deactivated', { messageKey: 'admin.person.inactiveNoLink' });
  }
}

/** The new password breaks a strength rule; the message says which. */
export class WeakPasswordError extends RejectedContentError {
  constructor(weakness: PasswordWeakness) {
    super('weak password', weakness);
  }
}

/** The current password given to confirm a change is not the right one. */
export class WrongPasswordError extends ForbiddenError {
  constructor() {
    super('wrong current password', { messageKey: 'accounts.changePassword.wrongCurrent' });
  }
}

/** A staff list has lines to fix (format, or emails already used); nothing was created. */
export class StaffListRejectedError extends RejectedContentError {
  constructor(readonly errors: StaffCsvError[]) {
    super(`${errors.length} line(s) to fix`, { messageKey: 'admin.import.rejected' });
  }
}

/** Wrong email or password, or a deactivated account: the person is never told which. */
export class SignInFailedError extends ForbiddenError {
  constructor() {
    super('sign-in failed', { messageKey: 'accounts.login.failed' });
  }
}

/** Too many failed sign-ins on this account from this client: wait before trying again. */
export class SignInThrottledError extends ConflictError {
  constructor(readonly waitMs: number) {
    super('sign-in throttled', { messageKey: 'accounts.login.tooManyForAccount' });
  }
}
