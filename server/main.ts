import path from 'node:path';
import { setupLinkIfNeeded } from './accounts/ensure-installation.ts';
import { createApp } from './app.ts';
import { keyStoreFor } from './badges/key-store-for.ts';
import { formatCourseIssue } from './catalog/course-issue.ts';
import { loadCatalog, warmUpRendering } from './catalog/load-catalog.ts';
import { compactHeap } from './compact-heap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { configWarnings } from './config-warnings.ts';
import { createAppServer } from './http/app-server.ts';
import { loadCsrfSecret, loadSharedCsrfSecret } from './http/csrf-secret.ts';
import { gracefulShutdown } from './http/graceful-shutdown.ts';
import { ListenError, listen } from './http/listen.ts';
import { startLrsWorker } from './lrs/start-lrs-worker.ts';
import { startMailWorker } from './mail/start-mail-worker.ts';
import { openConfiguredCluster, openConfiguredStore } from './open-app-store.ts';
import { applyRetention } from './privacy/retention/apply-retention.ts';
import { DailyScheduler } from './reminders/daily-scheduler.ts';
import { unsubscribeKey } from './reminders/unsubscribe-token.ts';
import { retentionDeps } from './retention-deps.ts';
import { systemClock } from './shared/clock.ts';
import { createLog, type Log } from './shared/log.ts';
import { studioPaths } from './studio/studio-paths.ts';
import { noTreeSync, storeTreeSync } from './studio/tree-sync/course-tree-sync.ts';

/** Reads the configuration, loads the catalog once, opens the store, listens; stops cleanly on a signal. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog({ format: config.logFormat, level: config.logLevel });
  for (const warning of configWarnings(config)) log.warn(warning);
  const { store, kind: storeKind } = await openConfiguredStore(config, { log });
  log.info(`store: ${storeKind === 'postgres' ? 'PostgreSQL' : `journal in ${config.dataDir}`}`);
  const cluster = await openConfiguredCluster(config).catch(async (error: unknown) => {
    await store.close().catch(() => {});
    throw error;
  });
  const closeData = () => Promise.all([cluster.close(), store.close()]).then(() => {});
  closeOnFatal(closeData, log);
  const csrfSecret =
    storeKind === 'postgres' ? await loadSharedCsrfSecret(store) : await loadCsrfSecret(config.dataDir);
  // Instances sharing PostgreSQL keep studio courses in it: bring this disk up to date before loading the catalog.
  const courseTrees = cluster.kind === 'postgres' ? storeTreeSync(store, studioPaths(config)) : noTreeSync;
  for (const slug of await courseTrees.staleCourses())
    await cluster.exclusive(`studio:${slug}`, () => courseTrees.pull(slug));
  const { catalog, issues, fromCache } = await loadCatalog(config.coursesDir, process.cwd(), {
    cacheDir: path.join(config.dataDir, 'cache', 'catalog'),
  });
  for (const issue of issues) log.warn(`course error: ${formatCourseIssue(issue)}`);
  log.info(
    `catalog: ${catalog.courses.length} course(s) loaded, ${fromCache} unchanged since they were last checked${issues.length ? `, ${issues.length} error(s): broken courses are left out` : ''}`,
  );
  // The key that signs Open Badges credentials is made at the first start, never logged.
  const credentialKeys = keyStoreFor(storeKind, store, config.dataDir);
  await credentialKeys.read();
  const server = createAppServer(
    createApp({
      config,
      catalog,
      store,
      storeKind,
      cluster,
      courseTrees,
      clock: systemClock,
      csrfSecret,
      log,
      credentialKeys,
    }),
  );
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await closeData().catch(() => {});
    throw error;
  }
  // Created once the server listens, so a failed start leaves no link that was never shown.
  const setupLink = await setupLinkIfNeeded(store, config, systemClock());
  const mailWorker = startMailWorker({ config, store, clock: systemClock, log });
  const lrsWorker = startLrsWorker({ config, store, clock: systemClock, log });
  // Reminders and the HR digest need e-mail; the retention periods are applied either way.
  const retention = retentionDeps(store, config, systemClock);
  const scheduler = new DailyScheduler({
    store,
    clock: systemClock,
    config,
    unsubscribeKey: unsubscribeKey(csrfSecret),
    log,
    retention: async () => (await applyRetention(retention, { dryRun: false })).items.length,
  });
  scheduler.start();
  log.info(`Passerelle ready on ${config.baseUrl} (listening on ${config.host}:${config.port})`);
  setImmediate(() => warmUpRendering(catalog));
  setImmediate(compactHeap);
  if (setupLink)
    log.info(
      { setupLink },
      `First run: create the administrator account with this one-time link (valid 7 days): ${setupLink}`,
    );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing the requests in flight');
    void gracefulShutdown({
      server,
      stopWorkers: async () => {
        await Promise.all([mailWorker.stop(), lrsWorker.stop(), scheduler.stop()]);
      },
      closeStore: closeData,
      timeoutMs: config.shutdownTimeoutSeconds * 1000,
      log,
    }).then((code) => process.exit(code));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** A bug that escapes every handler still releases the data directory before the process dies. */
function closeOnFatal(closeData: () => Promise<void>, log: Log): void {
  const die = (kind: string) => (error: unknown) => {
    log.fatal({ err: error }, kind);
    const timer = setTimeout(() => process.exit(1), 5_000);
    closeData().finally(() => {
      clearTimeout(timer);
      process.exit(1);
    });
  };
  process.once('uncaughtException', die('uncaught exception'));
  process.once('unhandledRejection', die('unhandled rejection'));
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof ListenError ||
    (error instanceof Error && /^Store\w+Error$/.test(error.name));
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
