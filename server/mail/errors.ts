import { ConflictError, NotFoundError } from '../shared/errors.ts';

export class EmailNotFoundError extends NotFoundError {
  constructor(readonly emailId: string) {
    super(`no e-mail ${emailId}`);
  }
}

/** Only a message that gave up can be put back in the queue: a sent one has lost its body on purpose. */
export class EmailNotResendableError extends ConflictError {
  constructor() {
    super('only a failed e-mail can be sent again', { messageKey: 'mail.admin.notResendable' });
  }
}
