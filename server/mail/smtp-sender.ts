import type { MailConfig } from '../config.ts';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';
import type { DeliveryOutcome } from './record-delivery.ts';
import type { Email } from './schema.ts';

export type SendEmail = (email: Readonly<Email>) => Promise<DeliveryOutcome>;

// nodemailer is loaded when a sender is made, not with the server: without SMTP_URL no start needs it, and
// loading it is a tenth of the libraries' start-up time (decision 025).
const nodemailer = loadOnFirstUse<typeof import('nodemailer')>('nodemailer');

/**
 * Sends through the SMTP server of SMTP_URL with nodemailer: smtp:// upgrades with STARTTLS when the
 * server offers it, smtps:// is TLS from the first byte. The Message-ID is the outbox row's, the same at
 * every attempt, so a receiving system can recognise a repeat (decision 010).
 */
export function smtpSender(mail: MailConfig, baseUrl: string): { send: SendEmail; close: () => void } {
  // Bounded, and together under the worker's lease: a hung server never holds a message past it.
  const leaseMs = mail.leaseSeconds * 1000;
  const { createTransport } = nodemailer();
  const transport = createTransport({
    url: mail.smtpUrl,
    connectionTimeout: Math.min(15_000, leaseMs / 5),
    greetingTimeout: Math.min(15_000, leaseMs / 5),
    socketTimeout: Math.min(60_000, leaseMs / 3),
    // Messages carry only text and markup: nothing is read from files or fetched from addresses.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const host = new URL(baseUrl).hostname;
  return {
    send: async (email) => {
      try {
        await transport.sendMail({
          from: mail.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: `<${email.id}@${host}>`,
        });
        return { ok: true };
      } catch (error) {
        const { responseCode, command } = error as { responseCode?: number; command?: string };
        return {
          ok: false,
          error: error instanceof Error ? error.message : String(error),
          // Only a refused recipient is final; a refused login (also 5xx) is a setting an operator fixes.
          permanent: command === 'RCPT TO' && responseCode !== undefined && responseCode >= 500,
        };
      }
    },
    close: () => transport.close(),
  };
}
