import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { AppStore } from '../store/app-collections.ts';
import { issueToken } from './one-time-tokens.ts';
import { hasActiveAdmin } from './users.ts';

/** Returns the installation's CSRF secret, creating it on first run. */
export async function ensureCsrfSecret(store: AppStore): Promise<string> {
  const existing = await store.get('settings', 'csrf-secret');
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64url');
  await store.transact((tx) => {
    tx.put('settings', { id: 'csrf-secret', value });
  });
  return value;
}

/** With no administrator yet, creates a one-time setup link (only its hash is stored) to print at start-up. */
export async function setupLinkIfNeeded(store: AppStore, config: Config, now: Date): Promise<string | undefined> {
  if (await hasActiveAdmin(store)) return undefined;
  const token = await issueToken(store, { kind: 'setup', userId: null, createdBy: null }, now);
  return `${config.baseUrl}/setup?token=${token}`;
}
