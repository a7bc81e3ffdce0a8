import type { MailConfig } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { Log } from '../shared/log.ts';
import type { AppStore } from '../store/app-collections.ts';
import { OutboxWorker } from '../store/outbox/outbox-worker.ts';
import { claimDueEmails } from './claim-emails.ts';
import { recordDelivery } from './record-delivery.ts';
import type { SendEmail } from './smtp-sender.ts';

export interface MailWorkerOptions {
  store: AppStore;
  clock: Clock;
  mail: Pick<MailConfig, 'maxAttempts' | 'retrySeconds'>;
  send: SendEmail;
  log: Log;
  /** The pause between two looks at the outbox when it had nothing due. */
  pollMs?: number;
  /** How long a claimed message is reserved to this worker; longer than any send can take. */
  leaseMs?: number;
  batchSize?: number;
}

/**
 * Sends the outbox in the background: claims due messages with a lease, sends them one by one, records
 * each outcome. Several workers (in several processes) may run on one store: the lease keeps each
 * message to one of them at a time. Logs carry message ids and errors, never an address.
 */
export class MailWorker extends OutboxWorker {
  readonly #o: Required<MailWorkerOptions>;

  constructor(options: MailWorkerOptions) {
    // `??`, not a spread of defaults: start-mail-worker passes `pollMs: undefined` when none is asked
    // for, and a spread would keep that undefined (a timer of 1 ms: the outbox read without pause).
    const o = {
      ...options,
      pollMs: options.pollMs ?? 2_000,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      batchSize: options.batchSize ?? 20,
    };
    super({ pollMs: o.pollMs, batchSize: o.batchSize, log: o.log, name: 'mail worker' });
    this.#o = o;
  }

  protected async pass(): Promise<number> {
    const { store, clock, leaseMs, batchSize, send, log } = this.#o;
    const claimed = await claimDueEmails(store, { owner: this.id, now: clock(), leaseMs, limit: batchSize });
    for (const email of claimed) {
      // Too late to send under our lease (a long pause, a slow batch): another worker may have it now.
      if (Date.parse(email.leaseUntil!) <= clock().getTime()) continue;
      const outcome = await send(email);
      if (outcome.ok) log.info({ emailId: email.id, kind: email.kind }, 'e-mail sent');
      else
        log.warn(
          { emailId: email.id, attempt: email.attempts, error: withoutAddresses(outcome.error) },
          'e-mail not sent',
        );
      await recordDelivery(store, email, outcome, { now: clock(), mail: this.#o.mail });
    }
    return claimed.length;
  }
}

/** SMTP errors often quote the recipient: the log keeps the reason, not the address. */
const withoutAddresses = (message: string) => message.replace(/[^\s<>"']+@[^\s<>"']+/g, '…');
