import type { Certificate } from '../certificates/schema.ts';
import { formatDateFr } from '../i18n/format-date-fr.ts';
import { formatDurationFr } from '../i18n/format-duration-fr.ts';
import { translate } from '../i18n/translate.ts';
import { achievementOf } from './achievement.ts';
import { issuerProfile } from './issuer-profile.ts';

export interface BadgeField {
  label: string;
  value: string;
}

/**
 * What the signed credential says, in words, for the attestation and verification pages: the same
 * fields a wallet or a verifier reads in the Open Badges credential. Nothing about the holder.
 */
export function badgeFields(certificate: Readonly<Certificate>, org: { name: string }, baseUrl: string): BadgeField[] {
  const snapshot = certificate.snapshot;
  const achievement = achievementOf(snapshot, certificate.course, baseUrl);
  const issuer = issuerProfile(org, baseUrl);
  const status = certificate.status === 'valid' ? 'badges.fields.statusValid' : 'badges.fields.statusRevoked';
  return [
    { label: translate('badges.fields.achievement'), value: achievement.name },
    { label: translate('badges.fields.criteria'), value: achievement.criteria.narrative },
    { label: translate('badges.fields.duration'), value: formatDurationFr(snapshot.declaredMinutes) },
    { label: translate('badges.fields.version'), value: achievement.version },
    { label: translate('badges.fields.language'), value: translate('badges.fields.french') },
    { label: translate('badges.fields.issuer'), value: `${issuer.name} (${issuer.url})` },
    { label: translate('badges.fields.validFrom'), value: formatDateFr(snapshot.issuedAt) },
    { label: translate('badges.fields.status'), value: translate(status) },
  ];
}
