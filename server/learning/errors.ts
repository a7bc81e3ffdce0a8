import { ConflictError } from '../shared/errors.ts';

/** The learner has used every attempt the quiz allows (attempt-rules.ts). */
export class AttemptsExhaustedError extends ConflictError {
  constructor() {
    super('no attempt left on this quiz', { messageKey: 'quiz.exhausted' });
  }
}

/** The positioning measures what a learner knew before the course: once they took the final assessment, it is too late. */
export class PositioningClosedError extends ConflictError {
  constructor() {
    super('the positioning is closed once the final assessment was attempted', {
      messageKey: 'assessment.positioning.closed',
    });
  }
}

/** The quiz asks for a wait between attempts and the learner came back too early (attempt-rules.ts). */
export class RetryTooEarlyError extends ConflictError {
  constructor(readonly retryAt: Date) {
    super('the delay between attempts has not passed', { messageKey: 'assessment.wait.notice' });
  }
}
