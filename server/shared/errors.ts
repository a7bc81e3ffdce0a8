// Domain errors say what went wrong in the domain's words and know nothing of HTTP: the one table in
// server/http/error-map.ts gives each kind below its status and page. A domain subclasses the kind
// that fits (`class AttemptsExhaustedError extends ConflictError`), and the map matches by class.
import type { MessageKey } from '../i18n/fr.ts';

export interface DomainErrorOptions {
  /** The sentence shown to the person, from the dictionary; each kind has a default. */
  messageKey?: MessageKey;
  params?: Record<string, string | number>;
  cause?: unknown;
}

export abstract class DomainError extends Error {
  readonly messageKey?: MessageKey;
  readonly params?: Record<string, string | number>;
  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.messageKey = options.messageKey;
    this.params = options.params;
  }
}

/** The thing asked for does not exist, or is not visible to this person (never say which). */
export class NotFoundError extends DomainError {
  constructor(message = 'not found', options?: DomainErrorOptions) {
    super(message, options);
  }
}

/** The person is known but may not do this. */
export class ForbiddenError extends DomainError {
  constructor(message = 'forbidden', options?: DomainErrorOptions) {
    super(message, options);
  }
}

/** The request is well-formed but the current state forbids it (attempts exhausted, last admin…). */
export class ConflictError extends DomainError {}

/** The input cannot be read (malformed request, unsupported encoding, too many fields). */
export class InvalidInputError extends DomainError {}

/** The input was read but its content is refused (a course that does not validate, a bad upload). */
export class RejectedContentError extends DomainError {}

/** The input is over a size limit. */
export class TooLargeError extends DomainError {}

/** A dependency (the store, the database, the mail server) cannot do its part now; retrying may work. */
export class UnavailableError extends DomainError {}
