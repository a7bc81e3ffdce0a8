import { ConflictError, ForbiddenError } from '../shared/errors.ts';

/** The enrolment has already answered: the survey is answered once, and an answer is never changed. */
export class AlreadyAnsweredError extends ConflictError {
  constructor() {
    super('satisfaction already answered', { messageKey: 'satisfaction.error.alreadyAnswered' });
  }
}

/** The questionnaire is for learners who completed the course. */
export class CourseNotCompletedError extends ForbiddenError {
  constructor() {
    super('course not completed', { messageKey: 'satisfaction.error.notCompleted' });
  }
}
