import type { Config } from '../config.ts';
import type { AppStore } from '../store/app-collections.ts';
import { issueToken } from './one-time-tokens.ts';
import { hasActiveAdmin } from './queries.ts';

/** With no administrator yet, creates a one-time setup link (only its hash is stored) to print at start-up. */
export async function setupLinkIfNeeded(store: AppStore, config: Config, now: Date): Promise<string | undefined> {
  if (await hasActiveAdmin(store)) return undefined;
  const token = await issueToken(store, { kind: 'setup', userId: null, createdBy: null }, now);
  return `${config.baseUrl}/setup?token=${token}`;
}
