// The refusals of the second factor.
import { ForbiddenError } from '../../shared/errors.ts';

/** The code is wrong, too old, or was already used (a TOTP code works once; so does a recovery code). */
export class SecondFactorInvalidError extends ForbiddenError {
  constructor() {
    super('second factor code invalid', { messageKey: 'mfa.code.invalid' });
  }
}

/** The step between password and code is unknown or past its time: sign in again. */
export class MfaChallengeExpiredError extends ForbiddenError {
  constructor() {
    super('second factor step expired', { messageKey: 'mfa.challenge.expired' });
  }
}

/** Nothing to confirm: no enrolment in progress for this person. */
export class NoEnrolmentError extends ForbiddenError {
  constructor() {
    super('no second factor enrolment in progress', { messageKey: 'mfa.enrol.none' });
  }
}
