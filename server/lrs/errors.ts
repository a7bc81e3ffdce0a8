import { ConflictError, NotFoundError } from '../shared/errors.ts';

export class LrsStatementNotFoundError extends NotFoundError {
  constructor(readonly statementId: string) {
    super(`no queued xAPI statement ${statementId}`);
  }
}

/** Only a statement that gave up can be put back in the queue: a delivered one is in the LRS already. */
export class LrsStatementNotResendableError extends ConflictError {
  constructor() {
    super('only a failed statement can be sent again', { messageKey: 'lrs.admin.notResendable' });
  }
}
