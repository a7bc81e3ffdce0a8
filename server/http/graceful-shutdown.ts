import type { Server } from 'node:http';
import type { Log } from '../shared/log.ts';

/**
 * Stops accepting connections, lets requests in flight finish for up to `timeoutMs` (then cuts the
 * connections still open), stops the background workers (the mail worker finishes the message it is
 * sending), closes the store and tells the exit code: 0 when everything closed, 1 when
 * the store could not be closed cleanly (an orchestrator should then look at the data).
 */
export async function gracefulShutdown(options: {
  server: Server;
  stopWorkers?: () => Promise<void>;
  closeStore: () => Promise<void>;
  timeoutMs: number;
  log: Log;
}): Promise<number> {
  const { server, stopWorkers, closeStore, timeoutMs, log } = options;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight would hold `close` for their whole idle timeout.
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), timeoutMs);
  });
  if ((await Promise.race([closed, deadline])) === 'deadline') {
    log.warn({ timeoutMs }, 'shutdown deadline reached: closing the connections still open');
    server.closeAllConnections();
    await closed;
  }
  clearTimeout(timer);
  try {
    await stopWorkers?.();
  } catch (error) {
    log.warn({ err: error }, 'a background worker did not stop cleanly');
  }
  try {
    await closeStore();
    log.info('store closed');
    return 0;
  } catch (error) {
    log.error({ err: error }, 'the store could not be closed cleanly');
    return 1;
  }
}
