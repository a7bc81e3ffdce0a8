import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { SharedCounters } from '../store/cluster/cluster.ts';

/** What the accounts routes are built with. */
export interface AccountDeps {
  store: AppStore;
  config: Config;
  clock: Clock;
  /** Sign-in throttle and rate limits, shared by every instance. */
  counters: SharedCounters;
}

/** What a use case of the domain needs: the store and the time. */
export type UseCaseDeps = Pick<AccountDeps, 'store' | 'clock'>;
