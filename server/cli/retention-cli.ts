// npm run retention [-- --dry-run]   applies the retention periods now (the daily job does it every day),
// or with --dry-run lists what would go without changing anything. With the embedded store the server
// must be stopped (one process owns the data folder); with PostgreSQL it may run beside the servers.
import { loadConfig } from '../config.ts';
import { openConfiguredStore } from '../open-app-store.ts';
import { applyRetention } from '../privacy/retention/apply-retention.ts';
import { describeRetention } from '../privacy/retention/describe-retention.ts';
import { retentionDeps } from '../retention-deps.ts';
import { systemClock } from '../shared/clock.ts';
import { createLog } from '../shared/log.ts';
import { StoreLockedError } from '../store/errors.ts';
import { CliError, runCommand } from './run-command.ts';

async function main(args: string[]): Promise<string> {
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length > 0)
    throw new CliError(`Option inconnue : ${unknown.join(' ')}. Usage : npm run retention [-- --dry-run]`);
  const config = loadConfig();
  const log = createLog({ format: config.logFormat, level: config.logLevel });
  const { store } = await openConfiguredStore(config, { log }).catch((error: unknown) => {
    if (error instanceof StoreLockedError)
      throw new CliError(
        `Le dossier de données ${config.dataDir} est utilisé par le serveur Passerelle (processus ${error.pid}) : arrêtez le serveur et relancez la commande (le serveur applique lui-même les durées chaque jour).`,
      );
    throw error;
  });
  try {
    const report = await applyRetention(retentionDeps(store, config, systemClock), {
      dryRun: args.includes('--dry-run'),
    });
    return describeRetention(report).join('\n');
  } finally {
    await store.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
