import { ConflictError } from '../shared/errors.ts';

/** The certificate is no longer valid (revoked or replaced): it can be neither revoked nor re-issued. */
export class CertificateNotValidError extends ConflictError {}
