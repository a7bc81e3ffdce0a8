// When each kind of personal data is due for removal, from the configured periods. The same rules make
// the dry run's list and decide, row by row inside the real run's transactions, what is removed.
import type { User } from '../../accounts/schema.ts';
import type { AuditEntry } from '../../audit/schema.ts';
import type { Certificate } from '../../certificates/schema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Attempt } from '../../learning/schema.ts';
import type { Email } from '../../mail/schema.ts';
import type { RetentionConfig } from '../../privacy-settings.ts';

export const retentionKinds = ['account', 'answers', 'audit', 'email', 'certificateName'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

/** The oldest date kept for each kind; absent when its period is 0 (kept for good). */
export type Cutoffs = Partial<Record<RetentionKind, Date>>;

function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

export function cutoffsAt(r: RetentionConfig, now: Date): Cutoffs {
  const cutoffs: Cutoffs = {};
  if (r.inactiveAccountMonths > 0) cutoffs.account = monthsBefore(now, r.inactiveAccountMonths);
  if (r.answersMonths > 0) cutoffs.answers = monthsBefore(now, r.answersMonths);
  if (r.auditMonths > 0) cutoffs.audit = monthsBefore(now, r.auditMonths);
  if (r.sentEmailDays > 0) cutoffs.email = new Date(now.getTime() - r.sentEmailDays * 86_400_000);
  if (r.keptCertificateYears > 0) cutoffs.certificateName = monthsBefore(now, 12 * r.keptCertificateYears);
  return cutoffs;
}

const before = (iso: string, cutoff: Date | undefined) => cutoff !== undefined && Date.parse(iso) < cutoff.getTime();

/** A deactivated account, not erased yet, unchanged since before the cutoff (its deactivation). */
export const accountDue = (user: Readonly<User>, erased: boolean, c: Cutoffs) =>
  !user.active && !erased && before(user.updatedAt, c.account);

export const answersDue = (attempt: Readonly<Attempt>, c: Cutoffs) => before(attempt.createdAt, c.answers);

export const auditDue = (entry: Readonly<AuditEntry>, c: Cutoffs) => before(entry.at, c.audit);

/** Sent or failed messages only: one still waiting to go out is not history yet. */
export const emailDue = (email: Readonly<Email>, c: Cutoffs) =>
  (email.status === 'sent' || email.status === 'failed') && before(email.updatedAt, c.email);

/** A certificate kept with its holder's name at an erasure, issued before the legal period. */
export const certificateNameDue = (certificate: Readonly<Certificate>, c: Cutoffs) =>
  certificate.snapshot.learnerName !== translate('privacy.erased.holder') &&
  before(certificate.snapshot.issuedAt, c.certificateName);
