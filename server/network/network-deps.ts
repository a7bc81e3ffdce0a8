import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';

/** What the network's administration pages are built with. */
export interface NetworkDeps {
  store: AppStore;
  clock: Clock;
}
