import { ensureCsrfSecret, setupLinkIfNeeded } from './accounts/ensure-installation.ts';
import { createApp } from './app.ts';
import { formatCourseIssue } from './catalog/course-issue.ts';
import { loadCatalog } from './catalog/load-catalog.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openAppStore } from './open-app-store.ts';
import { systemClock } from './shared/clock.ts';

/** Reads the configuration, loads the catalog once, opens the store, then listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { catalog, issues } = await loadCatalog(config.coursesDir);
  for (const issue of issues) console.warn(`course error: ${formatCourseIssue(issue)}`);
  console.log(
    `catalog: ${catalog.courses.length} course(s) loaded${issues.length ? `, ${issues.length} error(s): broken courses are left out` : ''}`,
  );
  const store = await openAppStore(config.dataDir);
  const csrfSecret = await ensureCsrfSecret(store);
  const setupLink = await setupLinkIfNeeded(store, config, systemClock());
  const app = createApp({ config, catalog, store, clock: systemClock, csrfSecret });
  const server = app.listen(config.port, config.host, () => {
    console.log(`Passerelle ready on ${config.baseUrl} (listening on ${config.host}:${config.port})`);
    if (setupLink)
      console.log(
        `First run: create the administrator account with this one-time link (valid 7 days):\n  ${setupLink}`,
      );
  });
  const stop = () => {
    server.close(() => {
      store.close().finally(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || (error instanceof Error && /^Store\w+Error$/.test(error.name));
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
