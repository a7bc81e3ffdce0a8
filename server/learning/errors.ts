import { ConflictError } from '../shared/errors.ts';

/** The learner has used every attempt the quiz allows (attempt-rules.ts). */
export class AttemptsExhaustedError extends ConflictError {
  constructor() {
    super('no attempt left on this quiz', { messageKey: 'quiz.exhausted' });
  }
}
