import { contactLink } from '../accessibility/accessibility-routes.ts';
import { roles } from '../accounts/schema.ts';
import type { Config } from '../config.ts';
import type { MessageKey } from '../i18n/fr.ts';
import type { Translate } from '../i18n/translate.ts';

export interface RetentionLine {
  what: MessageKey;
  how: string;
}

/** The retention periods this installation applies, as the privacy page lists them. */
export function retentionLines(config: Config, t: Translate): RetentionLine[] {
  const r = config.privacy.retention;
  const or = (n: number, key: MessageKey) => (n === 0 ? t('privacy.policy.retention.never') : t(key, { n }));
  return [
    { what: 'privacy.policy.retention.accounts', how: or(r.inactiveAccountMonths, 'privacy.policy.retention.months') },
    { what: 'privacy.policy.retention.answers', how: or(r.answersMonths, 'privacy.policy.retention.months') },
    { what: 'privacy.policy.retention.audit', how: or(r.auditMonths, 'privacy.policy.retention.months') },
    { what: 'privacy.policy.retention.emails', how: or(r.sentEmailDays, 'privacy.policy.retention.days') },
    {
      what: 'privacy.policy.retention.certificates',
      how: or(r.keptCertificateYears, 'privacy.policy.retention.years'),
    },
    {
      what: 'privacy.policy.retention.sessions',
      how: t('privacy.policy.retention.sessionsValue', { hours: config.sessionMaxHours }),
    },
  ];
}

/** Everything the privacy page shows, from the configuration only: it cannot drift from what is applied. */
export function policyPageLocals(config: Config, t: Translate) {
  return {
    title: t('privacy.policy.title'),
    org: config.org.name,
    contact: contactLink(config.privacy.contact),
    retention: retentionLines(config, t),
    roles,
  };
}
