import { translate } from '../i18n/translate.ts';
import { RejectedContentError } from '../shared/errors.ts';

/** Checking or rendering a course took longer than its deadline; the work was stopped. */
export class CourseTooSlowError extends RejectedContentError {
  constructor(
    /** The file being read or rendered when time ran out (relative, as in course issues), when known. */
    readonly file: string | undefined,
    readonly deadlineMs: number,
  ) {
    const seconds = (deadlineMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    const [messageKey, params] = file
      ? (['courseCheck.tooSlowFile', { seconds, file }] as const)
      : (['courseCheck.tooSlow', { seconds }] as const);
    super(translate(messageKey, params), { messageKey, params });
  }
}
