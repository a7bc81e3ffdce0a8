import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore, AppTx } from '../store/app-collections.ts';
import type { SharedCounters } from '../store/cluster/cluster.ts';
import type { User } from './schema.ts';

/** A password link as it is created: for the person it opens an account or a reset to. */
export interface IssuedPasswordLink {
  user: Readonly<User>;
  kind: 'invitation' | 'reset';
  /** The raw token, never stored: an e-mail is the one place it may go besides the admin's screen. */
  token: string;
  expiresAt: Date;
}

/**
 * Told of each password link inside the transaction that creates it (wired to the outbox in app.ts when
 * e-mail is configured), so the message exists exactly when the link does.
 */
export type OnPasswordLink = (tx: AppTx, link: IssuedPasswordLink, now: Date) => void | Promise<void>;

/** What the accounts routes are built with. */
export interface AccountDeps {
  store: AppStore;
  config: Config;
  clock: Clock;
  /** Sign-in throttle and rate limits, shared by every instance. */
  counters: SharedCounters;
  /** Present when links go by e-mail: the admin is then told a message is on its way instead of the link. */
  onPasswordLink?: OnPasswordLink;
}

/** What a use case of the domain needs: the store, the time, and who to tell of a new password link. */
export type UseCaseDeps = Pick<AccountDeps, 'store' | 'clock' | 'onPasswordLink'>;
