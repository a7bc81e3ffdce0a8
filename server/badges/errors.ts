import { ConflictError } from '../shared/errors.ts';

/** A revoked or replaced certificate is not handed out again as a credential. */
export class CredentialUnavailableError extends ConflictError {
  constructor() {
    super('the certificate is no longer valid', { messageKey: 'badges.unavailable' });
  }
}
