import { createHash, randomBytes } from 'node:crypto';
import type { AppCollections, AppStore } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import type { Token } from './schema.ts';

export const tokenValidityDays = { invitation: 7, reset: 2, setup: 7 } as const;

const hashToken = (raw: string) => createHash('sha256').update(raw).digest('base64url');

export type TokenInput = { kind: Token['kind']; userId: string | null; createdBy: string | null };

/** When a link of this kind created now stops working. */
export function tokenExpiry(kind: Token['kind'], now: Date): Date {
  return new Date(now.getTime() + tokenValidityDays[kind] * 86_400_000);
}

/** Creates a one-time link token and returns the raw value (shown once; only its hash is stored). */
export async function issueToken(store: AppStore, input: TokenInput, now: Date): Promise<string> {
  return store.transact((tx) => putToken(tx, input, now));
}

/** `issueToken` inside an existing transaction, so a token can be created with the account it opens. */
export async function putToken(tx: Tx<AppCollections>, input: TokenInput, now: Date): Promise<string> {
  const raw = randomBytes(24).toString('base64url');
  // A new link replaces any unused link of the same kind for the same person.
  const previous = input.userId ? await tx.findBy('tokens', 'userId', input.userId) : [];
  for (const token of previous) if (token.kind === input.kind && !token.usedAt) tx.delete('tokens', token.id);
  tx.put('tokens', {
    id: hashToken(raw),
    ...input,
    createdAt: now.toISOString(),
    expiresAt: tokenExpiry(input.kind, now).toISOString(),
    usedAt: null,
  });
  return raw;
}

/** The token if it exists, is of this kind, unused and not expired. */
export async function findValidToken(
  store: AppStore,
  raw: string,
  kind: Token['kind'],
  now: Date,
): Promise<Readonly<Token> | undefined> {
  if (!/^[\w-]{20,64}$/.test(raw)) return undefined;
  const token = await store.get('tokens', hashToken(raw));
  if (!token || token.kind !== kind || token.usedAt || Date.parse(token.expiresAt) <= now.getTime()) return undefined;
  return token;
}
