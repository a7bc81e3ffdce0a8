import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { Log } from '../shared/log.ts';
import type { AppStore } from '../store/app-collections.ts';
import { lrsSender } from './lrs-sender.ts';
import { LrsWorker } from './lrs-worker.ts';

/** The process's LRS worker when LRS_ENDPOINT is set; without it, a stand-in that has nothing to stop. */
export function startLrsWorker(deps: { config: Config; store: AppStore; clock: Clock; log: Log; pollMs?: number }): {
  stop: () => Promise<void>;
} {
  const { config, store, clock, log } = deps;
  if (!config.lrs) return { stop: async () => {} };
  const worker = new LrsWorker({
    store,
    clock,
    log,
    lrs: config.lrs,
    send: lrsSender(config.lrs),
    pollMs: deps.pollMs,
  });
  worker.start();
  log.info('lrs: forwarding xAPI statements to LRS_ENDPOINT');
  return { stop: () => worker.stop() };
}
