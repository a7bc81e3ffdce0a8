import { createHash, randomBytes } from 'node:crypto';
import type { AppStore } from '../store/app-store.ts';
import type { Token } from '../store/schema.ts';

export const tokenValidityDays = { invitation: 7, reset: 2, setup: 7 } as const;

const hashToken = (raw: string) => createHash('sha256').update(raw).digest('base64url');

/** Creates a one-time link token and returns the raw value (shown once; only its hash is stored). */
export async function issueToken(
  store: AppStore,
  input: { kind: Token['kind']; userId: string | null; createdBy: string | null },
  now: Date,
): Promise<string> {
  const raw = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + tokenValidityDays[input.kind] * 86_400_000);
  await store.transact(async (tx) => {
    // A new link replaces any unused link of the same kind for the same person.
    const previous = input.userId ? await tx.findBy('tokens', 'userId', input.userId) : [];
    for (const token of previous) if (token.kind === input.kind && !token.usedAt) tx.delete('tokens', token.id);
    tx.put('tokens', {
      id: hashToken(raw),
      ...input,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      usedAt: null,
    });
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
