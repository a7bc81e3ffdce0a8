import type { LrsConfig } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { Log } from '../shared/log.ts';
import type { AppStore } from '../store/app-collections.ts';
import { claimDue } from '../store/outbox/claim-due.ts';
import { OutboxWorker } from '../store/outbox/outbox-worker.ts';
import { type OutboxOutcome, recordOutcomes } from '../store/outbox/record-outcomes.ts';
import type { LrsAnswer, SendStatements } from './lrs-sender.ts';
import type { LrsStatement } from './schema.ts';

export interface LrsWorkerOptions {
  store: AppStore;
  clock: Clock;
  lrs: Pick<LrsConfig, 'maxAttempts' | 'retrySeconds' | 'leaseSeconds'>;
  send: SendStatements;
  log: Log;
  /** The pause between two looks at the outbox when it had nothing due. */
  pollMs?: number;
  /** Statements per POST. */
  batchSize?: number;
}

// A delivered statement is in the LRS: its row keeps verb, activity and dates for the admin page, not the
// whole statement (the embedded store holds every row in memory, and a learner's quiz makes seven).
const delivered = { statement: {} };

const outcomeOf = (answer: LrsAnswer): OutboxOutcome => {
  switch (answer.kind) {
    case 'stored':
      return { ok: true, sentFields: delivered };
    // The LRS already has this id: an earlier POST of ours got there and its answer was lost. Nothing
    // to send again, nothing duplicated: delivered, and said so on the admin page.
    case 'conflict':
      return { ok: true, sentFields: { ...delivered, alreadyStored: true } };
    case 'retry':
      return { ok: false, error: answer.error, permanent: false };
    case 'refused':
      return { ok: false, error: answer.error, permanent: true };
  }
};

/**
 * Forwards the LRS outbox in the background: claims a batch of due statements with a lease (one claim
 * per batch, so several instances never send the same one at the same time), POSTs them together and
 * records each outcome. A 409 on a batch says that one of them is already stored, not which: each is
 * then sent alone, so the new ones get in and the known ones are marked delivered. Logs carry counts
 * and HTTP statuses, never a statement (it names a learner).
 */
export class LrsWorker extends OutboxWorker {
  readonly #o: Required<LrsWorkerOptions>;

  constructor(options: LrsWorkerOptions) {
    const o = { ...options, pollMs: options.pollMs ?? 2_000, batchSize: options.batchSize ?? 50 };
    super({ pollMs: o.pollMs, batchSize: o.batchSize, log: o.log, name: 'LRS worker' });
    this.#o = o;
  }

  protected async pass(): Promise<number> {
    const { store, clock, lrs, batchSize, log } = this.#o;
    const leaseMs = lrs.leaseSeconds * 1000;
    const claimed = await claimDue(store, 'lrsStatements', { owner: this.id, now: clock(), leaseMs, limit: batchSize });
    if (claimed.length === 0) return 0;
    const results = await this.#deliver(claimed);
    const failures = results.flatMap((r) => (r.outcome.ok ? [] : [r.outcome.error]));
    // The status or error code only: the LRS's explanation may quote a statement, which names a learner.
    if (failures.length)
      log.warn(
        { statements: claimed.length, notDelivered: failures.length, reason: failures[0]!.split(' : ')[0] },
        'xAPI statements not delivered',
      );
    else log.info({ statements: claimed.length }, 'xAPI statements delivered');
    await recordOutcomes(store, 'lrsStatements', results, {
      now: clock(),
      retry: { maxAttempts: lrs.maxAttempts, retrySeconds: lrs.retrySeconds },
    });
    return claimed.length;
  }

  async #deliver(claimed: readonly Readonly<LrsStatement>[]) {
    const { clock, send } = this.#o;
    // Too late to send under our lease (a long pause): another worker may have these now.
    const live = claimed.filter((row) => Date.parse(row.leaseUntil!) > clock().getTime());
    if (live.length === 0) return [];
    const answer = await send(live.map((row) => row.statement));
    if (answer.kind !== 'conflict' || live.length === 1)
      return live.map((claimed) => ({ claimed, outcome: outcomeOf(answer) }));
    const results = [];
    for (const row of live) {
      // One at a time can outlast the lease: the rest is left to whoever claims it when the lease runs out.
      if (Date.parse(row.leaseUntil!) <= clock().getTime()) break;
      results.push({ claimed: row, outcome: outcomeOf(await send([row.statement])) });
    }
    return results;
  }
}
