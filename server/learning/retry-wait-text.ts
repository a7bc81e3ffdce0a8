import type { Quiz } from '../catalog/course.ts';
import { formatDateTimeFr } from '../i18n/format-date-time-fr.ts';
import { formatDelayFr } from '../i18n/format-delay-fr.ts';
import { translate } from '../i18n/translate.ts';

/** What a learner who must wait before the next attempt reads: when they can answer again, and why. */
export function retryWaitText(quiz: Pick<Quiz, 'retryDelayMinutes'>, until: Date): { when: string; why: string } {
  return {
    when: translate('assessment.wait.notice', { date: formatDateTimeFr(until.toISOString()) }),
    why: translate('assessment.wait.why', { delay: formatDelayFr(quiz.retryDelayMinutes) }),
  };
}
