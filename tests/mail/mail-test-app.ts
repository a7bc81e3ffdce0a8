import type { MailConfig } from '../../server/config.ts';
import { MailWorker } from '../../server/mail/mail-worker.ts';
import { smtpSender } from '../../server/mail/smtp-sender.ts';
import type { Clock } from '../../server/shared/clock.ts';
import { silentLog } from '../../server/shared/log.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { addStructures, addUser, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';

export const baseUrl = 'http://localhost:3000';

export function mailConfig(smtpUrl: string, extra: Partial<MailConfig> = {}): MailConfig {
  return {
    smtpUrl,
    from: 'Passerelle <formation@exemple.org>',
    maxAttempts: 3,
    retrySeconds: 60,
    leaseSeconds: 30,
    ...extra,
  };
}

/** A worker sending through the real SMTP server; tests run its passes themselves (`runOnce`). */
export function mailWorker(store: AppStore, clock: Clock, mail: MailConfig) {
  const sender = smtpSender(mail, baseUrl);
  const worker = new MailWorker({
    store,
    clock,
    mail,
    send: sender.send,
    log: silentLog,
    leaseMs: mail.leaseSeconds * 1000,
  });
  return { worker, close: () => sender.close() };
}

/** The app with e-mail configured, Alice (admin) signed in, and a worker on its store. */
export async function openMailApp(mail: MailConfig) {
  const t: TestApp = await createTestApp({ config: { mail } });
  await addStructures(t, [
    ['nord', 'Centre social Nord'],
    ['sud', 'Centre social Sud'],
    ['foyer-sud', 'Foyer Sud'],
  ]);
  const admin = await addUser(t, 'admin', { name: 'Alice Admin', email: 'alice@exemple.org' });
  const agent = await signIn(t, admin);
  const { worker, close } = mailWorker(t.store, () => t.now(), mail);
  return {
    t,
    admin,
    agent,
    worker,
    close: async () => {
      await worker.stop();
      close();
      await t.close();
    },
  };
}

/** The first link to this app in a message's text, as a path. */
export function linkIn(text: string | undefined, kind: string): string {
  const match = new RegExp(`${baseUrl}(/${kind}/[\\w.-]+)`).exec(text ?? '');
  if (!match) throw new Error(`no /${kind}/ link in: ${text}`);
  return match[1]!;
}
