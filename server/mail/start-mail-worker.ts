import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { Log } from '../shared/log.ts';
import type { AppStore } from '../store/app-collections.ts';
import { MailWorker } from './mail-worker.ts';
import { smtpSender } from './smtp-sender.ts';

/** The process's mail worker when SMTP_URL is set; without it, a stand-in that has nothing to stop. */
export function startMailWorker(deps: { config: Config; store: AppStore; clock: Clock; log: Log; pollMs?: number }): {
  stop: () => Promise<void>;
} {
  const { config, store, clock, log } = deps;
  if (!config.mail) return { stop: async () => {} };
  const sender = smtpSender(config.mail, config.baseUrl);
  const worker = new MailWorker({
    store,
    clock,
    log,
    mail: config.mail,
    send: sender.send,
    leaseMs: config.mail.leaseSeconds * 1000,
    pollMs: deps.pollMs,
  });
  worker.start();
  log.info('mail: sending e-mail through SMTP_URL');
  return {
    stop: async () => {
      await worker.stop();
      sender.close();
    },
  };
}
