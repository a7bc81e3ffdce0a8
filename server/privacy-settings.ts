// The personal-data settings: who answers requests, how long each kind of data is kept, and what an
// erasure does to certificates already issued. Parsed from the environment with the rest in config.ts.
import { z } from 'zod';
import { booleanFlag } from './shared/boolean-flag.ts';

/** 0 means « never removed by the daily job ». */
const period = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback);

export const privacyEnv = {
  PRIVACY_CONTACT: z.string().trim().min(1).max(200).default('la direction de votre structure'),
  RETENTION_INACTIVE_ACCOUNT_MONTHS: period(120, 12),
  RETENTION_ANSWERS_MONTHS: period(120, 36),
  RETENTION_AUDIT_MONTHS: period(120, 12),
  RETENTION_SENT_EMAIL_DAYS: period(3650, 90),
  CERTIFICATE_KEEP_YEARS: period(50, 6),
  ERASURE_KEEPS_CERTIFICATES: booleanFlag.default(true),
};

export const privacyHints: Record<string, string> = {
  PRIVACY_CONTACT: 'une adresse e-mail, une page web ou un texte de 200 caractères au plus',
  RETENTION_INACTIVE_ACCOUNT_MONTHS: 'un nombre de mois entre 0 (jamais) et 120',
  RETENTION_ANSWERS_MONTHS: 'un nombre de mois entre 0 (jamais) et 120',
  RETENTION_AUDIT_MONTHS: 'un nombre de mois entre 0 (jamais) et 120',
  RETENTION_SENT_EMAIL_DAYS: 'un nombre de jours entre 0 (jamais) et 3650',
  CERTIFICATE_KEEP_YEARS: 'un nombre d’années entre 0 (jamais effacées) et 50',
  ERASURE_KEEPS_CERTIFICATES: 'true ou false',
};

export interface RetentionConfig {
  /** Deactivated accounts are erased this many months after their deactivation (0: never). */
  inactiveAccountMonths: number;
  /** Quiz answers (attempts) older than this many months are deleted (0: never). */
  answersMonths: number;
  /** Audit entries older than this many months are deleted (0: never). */
  auditMonths: number;
  /** Sent or failed e-mails are deleted this many days after their last change (0: never). */
  sentEmailDays: number;
  /**
   * Certificates kept with the holder's name at an erasure lose that name this many years after they
   * were issued (0: kept for good).
   */
  keptCertificateYears: number;
}

export interface PrivacyConfig {
  /** Who answers personal-data requests (the privacy page): an e-mail, a web address or a description. */
  contact: string;
  retention: RetentionConfig;
  /** The choice offered first on the erasure form: keep issued certificates for the legal period. */
  erasureKeepsCertificates: boolean;
}

type PrivacyEnv = { [K in keyof typeof privacyEnv]: z.output<(typeof privacyEnv)[K]> };

export function privacyConfig(e: PrivacyEnv): PrivacyConfig {
  return {
    contact: e.PRIVACY_CONTACT,
    retention: {
      inactiveAccountMonths: e.RETENTION_INACTIVE_ACCOUNT_MONTHS,
      answersMonths: e.RETENTION_ANSWERS_MONTHS,
      auditMonths: e.RETENTION_AUDIT_MONTHS,
      sentEmailDays: e.RETENTION_SENT_EMAIL_DAYS,
      keptCertificateYears: e.CERTIFICATE_KEEP_YEARS,
    },
    erasureKeepsCertificates: e.ERASURE_KEEPS_CERTIFICATES,
  };
}
