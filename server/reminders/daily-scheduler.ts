import { randomUUID } from 'node:crypto';
import { parisDate } from '../assignments/assignment-status.ts';
import type { Log } from '../shared/log.ts';
import type { AppStore } from '../store/app-collections.ts';
import { type DailyJobDeps, runDailyJob } from './use-cases/run-daily-job.ts';

const jobId = 'daily';
const parisHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: 'numeric', hourCycle: 'h23' });

/**
 * Takes the daily job for today if nobody has completed it yet and no live instance holds it: one
 * serialisable transaction, so of several instances one wins (the others see its lease).
 */
export async function claimDailyRun(store: AppStore, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const today = parisDate(now);
  return store.transact(async (tx) => {
    const run = await tx.get('jobRuns', jobId);
    if (run?.lastRunDate === today) return false;
    if (run?.leaseOwner && run.leaseOwner !== owner && Date.parse(run.leaseUntil!) > now.getTime()) return false;
    tx.put('jobRuns', {
      id: jobId,
      lastRunDate: run?.lastRunDate ?? null,
      leaseOwner: owner,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    });
    return true;
  });
}

/** Lets go of the lease; `done` records today as run (a failed run is tried again at the next look). */
export async function releaseDailyRun(store: AppStore, owner: string, now: Date, done: boolean): Promise<void> {
  await store.transact(async (tx) => {
    const run = await tx.get('jobRuns', jobId);
    if (run?.leaseOwner !== owner) return;
    tx.put('jobRuns', {
      id: jobId,
      lastRunDate: done ? parisDate(now) : run.lastRunDate,
      leaseOwner: null,
      leaseUntil: null,
    });
  });
}

/**
 * Runs the daily job once a day in the server, from DAILY_JOB_HOUR (Paris time): it looks every few
 * minutes, and the lease in the store makes one instance run it even when several share the database.
 */
export class DailyScheduler {
  readonly #owner = randomUUID();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(private readonly deps: DailyJobDeps & { log: Log; everyMs?: number; leaseMs?: number }) {}

  start(): void {
    const look = () => {
      this.#running = this.tick().finally(() => {
        this.#running = undefined;
      });
    };
    this.#timer = setInterval(look, this.deps.everyMs ?? 5 * 60_000);
    this.#timer.unref();
    look();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  /** One look: runs the job if it is time and this instance wins the lease. */
  async tick(): Promise<void> {
    const { store, clock, log, config } = this.deps;
    try {
      const now = clock();
      if (Number(parisHour.format(now)) < config.reminders.dailyJobHour) return;
      if (!(await claimDailyRun(store, this.#owner, now, this.deps.leaseMs ?? 30 * 60_000))) return;
      let done = false;
      try {
        const result = await runDailyJob(this.deps);
        log.info(result, 'daily job done');
        done = true;
      } finally {
        await releaseDailyRun(store, this.#owner, clock(), done);
      }
    } catch (error) {
      log.warn({ err: error }, 'daily job failed; it will be tried again');
    }
  }
}
