// The shapes of the e-mail and reminder settings; parsed from the environment in config.ts.
export interface MailConfig {
  /** smtp:// (STARTTLS when the server offers it) or smtps:// (implicit TLS); may hold a password. */
  smtpUrl: string;
  from: string;
  /** A message is marked failed after this many attempts. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles at each failure (capped at six hours). */
  retrySeconds: number;
  /**
   * How long a message claimed by a worker is reserved to it; after that (the process died while
   * sending) another worker may send it. The SMTP time limits are derived from it (smtp-sender.ts).
   */
  leaseSeconds: number;
}

export interface ReminderConfig {
  /** The first reminder, this many days before the due date (0: none before). */
  daysBefore: number;
  /** After the due date, one reminder every this many days while the course is not completed. */
  lateEveryDays: number;
  /** At most this many reminders per person and assignment (0: no reminders). */
  max: number;
  /** The daily job runs once a day from this hour, Paris time. */
  dailyJobHour: number;
}
