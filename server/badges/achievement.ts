import type { CertificateSnapshot } from '../certificates/certificate-snapshot.ts';
import { formatDurationFr } from '../i18n/format-duration-fr.ts';
import { translate } from '../i18n/translate.ts';
import { achievementUrl, openBadgesContext, vcContext } from './badge-urls.ts';

/**
 * The course as an Open Badges `Achievement`, from the certificate's frozen snapshot: what was awarded
 * stays what it was when the course changes later. The criteria say the completion rules in words.
 */
export function achievementOf(snapshot: CertificateSnapshot, course: string, baseUrl: string) {
  const id = achievementUrl(baseUrl, course, snapshot.courseVersion);
  const duration = formatDurationFr(snapshot.declaredMinutes);
  const objectives = snapshot.objectives.length
    ? ` ${translate('badges.achievement.objectives', { objectives: snapshot.objectives.join(' ; ') })}`
    : '';
  return {
    id,
    type: ['Achievement'],
    achievementType: 'CertificateOfCompletion',
    name: snapshot.courseTitle,
    description: translate('badges.achievement.description', { title: snapshot.courseTitle, duration }) + objectives,
    criteria: {
      narrative: translate('badges.achievement.criteria', {
        title: snapshot.courseTitle,
        version: snapshot.courseVersion,
        passMark: snapshot.passMark,
        duration,
      }),
    },
    version: String(snapshot.courseVersion),
    inLanguage: 'fr',
    resultDescription: [
      {
        id: `${id}#evaluation-finale`,
        type: ['ResultDescription'],
        name: translate('badges.achievement.resultName'),
        resultType: 'Percent',
        requiredValue: String(snapshot.passMark),
        valueMin: '0',
        valueMax: '100',
      },
    ],
  };
}

/** The achievement as a document of its own, for its public address. */
export function achievementDocument(snapshot: CertificateSnapshot, course: string, baseUrl: string) {
  return { '@context': [vcContext, openBadgesContext], ...achievementOf(snapshot, course, baseUrl) };
}
