import { formatDurationFr } from './format-duration-fr.ts';
import { translate } from './translate.ts';

/** A wait between attempts as a learner reads it: "1 jour", "3 jours", or a duration ("30 min", "1 h 30"). */
export function formatDelayFr(minutes: number): string {
  const day = 24 * 60;
  if (minutes >= day && minutes % day === 0) {
    const count = minutes / day;
    return count === 1 ? translate('assessment.days.one') : translate('assessment.days.many', { count });
  }
  return formatDurationFr(minutes);
}
