// npm run jobs:daily   runs the daily job once now (reminders of assigned trainings, HR digest, commitments,
// the retention periods), then sends what it queued. Idempotent: run twice on one day, or beside a server that ran it, nothing is sent
// twice. With the embedded store the server must be stopped (one process owns the data folder); with
// PostgreSQL it may run beside the servers.
import { loadConfig } from '../config.ts';
import { loadCsrfSecret, loadSharedCsrfSecret } from '../http/csrf-secret.ts';
import { MailWorker } from '../mail/mail-worker.ts';
import { smtpSender } from '../mail/smtp-sender.ts';
import { openConfiguredStore } from '../open-app-store.ts';
import { applyRetention } from '../privacy/retention/apply-retention.ts';
import { claimDailyRun, releaseDailyRun } from '../reminders/daily-scheduler.ts';
import { unsubscribeKey } from '../reminders/unsubscribe-token.ts';
import { runDailyJob } from '../reminders/use-cases/run-daily-job.ts';
import { retentionDeps } from '../retention-deps.ts';
import { systemClock } from '../shared/clock.ts';
import { createLog } from '../shared/log.ts';
import { StoreLockedError } from '../store/errors.ts';
import { CliError, runCommand } from './run-command.ts';

async function main(): Promise<string> {
  const config = loadConfig();
  const log = createLog({ format: config.logFormat, level: config.logLevel });
  const { store, kind } = await openConfiguredStore(config, { log }).catch((error: unknown) => {
    if (error instanceof StoreLockedError)
      throw new CliError(
        `Le dossier de données ${config.dataDir} est utilisé par le serveur Passerelle (processus ${error.pid}) : la tâche quotidienne y tourne déjà chaque jour ; sinon arrêtez le serveur et relancez la commande.`,
      );
    throw error;
  });
  try {
    const secret = kind === 'postgres' ? await loadSharedCsrfSecret(store) : await loadCsrfSecret(config.dataDir);
    const owner = `cli-${process.pid}`;
    if (!(await claimDailyRun(store, owner, systemClock(), 30 * 60_000)))
      return 'La tâche quotidienne est déjà faite aujourd’hui, ou en cours sur une autre instance : rien à faire.';
    let result: Awaited<ReturnType<typeof runDailyJob>>;
    try {
      const retention = retentionDeps(store, config, systemClock);
      result = await runDailyJob({
        store,
        clock: systemClock,
        config,
        unsubscribeKey: unsubscribeKey(secret),
        retention: async () => (await applyRetention(retention, { dryRun: false })).items.length,
      });
    } finally {
      await releaseDailyRun(store, owner, systemClock(), true);
    }
    const done = `Tâche quotidienne faite : ${result.reminders} rappel(s), ${result.digests} résumé(s) et ${result.commitments} rappel(s) d’engagement mis en file d’envoi, ${result.removed} donnée(s) supprimée(s) par les durées de conservation.`;
    if (!config.mail) return done;
    // Send what was queued now, rather than at the next start of a server.
    const sender = smtpSender(config.mail, config.baseUrl);
    const worker = new MailWorker({
      store,
      clock: systemClock,
      log,
      mail: config.mail,
      send: sender.send,
      leaseMs: config.mail.leaseSeconds * 1000,
    });
    while ((await worker.runOnce()) > 0);
    sender.close();
    return done;
  } finally {
    await store.close();
  }
}

runCommand(main);
