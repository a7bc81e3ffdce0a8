import { randomBytes } from 'node:crypto';
import type { AppStore, AppTx } from '../store/app-collections.ts';
import { hashSecret } from './hash-secret.ts';
import { unusedSetupTokens, unusedTokensOf } from './queries.ts';
import type { Token } from './schema.ts';

export const tokenValidityDays = { invitation: 7, reset: 2, setup: 7 } as const;

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
export async function putToken(tx: AppTx, input: TokenInput, now: Date): Promise<string> {
  const raw = randomBytes(24).toString('base64url');
  // A new link replaces any unused link of the same kind for the same person; a setup link, any other
  // setup link (one is printed at each start without an administrator).
  const previous = input.userId
    ? await unusedTokensOf(tx, input.userId, input.kind)
    : input.kind === 'setup'
      ? await unusedSetupTokens(tx)
      : [];
  for (const token of previous) tx.delete('tokens', token.id);
  tx.put('tokens', {
    id: hashSecret(raw),
    ...input,
    createdAt: now.toISOString(),
    expiresAt: tokenExpiry(input.kind, now).toISOString(),
    usedAt: null,
  });
  return raw;
}

/** Marks a link used, inside the transaction that does what the link allows. */
export function consumeToken(tx: AppTx, token: Readonly<Token>, now: Date, userId = token.userId): void {
  tx.put('tokens', { ...token, userId, usedAt: now.toISOString() });
}
