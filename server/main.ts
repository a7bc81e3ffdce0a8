import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { formatCourseIssue } from './courses/course-issue.ts';
import { loadCatalog } from './courses/load-catalog.ts';

/** Reads the configuration, loads the catalog once, then listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { catalog, issues } = await loadCatalog(config.coursesDir);
  for (const issue of issues) console.warn(`course error: ${formatCourseIssue(issue)}`);
  console.log(
    `catalog: ${catalog.courses.length} course(s) loaded${issues.length ? `, ${issues.length} error(s): broken courses are left out` : ''}`,
  );
  const app = createApp({ config, catalog });
  const server = app.listen(config.port, config.host, () => {
    console.log(`Passerelle ready on ${config.baseUrl} (listening on ${config.host}:${config.port})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
