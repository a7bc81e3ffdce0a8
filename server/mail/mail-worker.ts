import { randomUUID } from 'node:crypto';
import type { MailConfig } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { Log } from '../shared/log.ts';
import type { AppStore } from '../store/app-collections.ts';
import { PollingLoop } from '../store/outbox/polling-loop.ts';
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
export class MailWorker {
  readonly id = randomUUID();
  readonly #o: Required<MailWorkerOptions>;
  readonly #loop: PollingLoop;

  constructor(options: MailWorkerOptions) {
    this.#o = { pollMs: 2_000, leaseMs: 5 * 60_000, batchSize: 20, ...options };
    const { pollMs, batchSize, log } = this.#o;
    this.#loop = new PollingLoop({ pass: () => this.#pass(), pollMs, batchSize, log, name: 'mail worker' });
  }

  start(): void {
    this.#loop.start();
  }

  /** Stops looking for work and waits for the message being sent, if any, to be recorded. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** One pass: claims a batch and sends it. Resolves with the number of messages handled. */
  runOnce(): Promise<number> {
    return this.#loop.runOnce();
  }

  async #pass(): Promise<number> {
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
