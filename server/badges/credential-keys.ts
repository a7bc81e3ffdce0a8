import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JWK } from 'jose';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';
import type { AppStore } from '../store/app-collections.ts';

/** Needed only to make a key: a start that finds its ring does not load it (decision 025). */
export const jose = loadOnFirstUse<typeof import('jose')>('jose');

/** One signing key of the installation: Ed25519, named by its RFC 7638 thumbprint. */
export interface StoredKey {
  id: string;
  createdAt: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Every key ever used, oldest first; the last one signs. Old ones stay so old credentials verify. */
export interface KeyRing {
  keys: StoredKey[];
}

/** Where the ring lives: an owner-only file (embedded store) or the database (PostgreSQL). */
export interface CredentialKeyStore {
  /** The ring, created with its first key when there is none. */
  read(): Promise<KeyRing>;
  /** Adds a new key that signs from now on; returns the ring. */
  rotate(now: Date): Promise<KeyRing>;
  /** The ring if there is one, without making it (moving an installation between stores). */
  peek(): Promise<KeyRing | undefined>;
  /** Puts a whole ring in place (the one of the installation being moved here). */
  replace(ring: KeyRing): Promise<void>;
}

export const signingAlgorithm = 'EdDSA';

export async function newKey(now: Date): Promise<StoredKey> {
  const { calculateJwkThumbprint, exportJWK, generateKeyPair } = jose();
  const { privateKey, publicKey } = await generateKeyPair(signingAlgorithm, { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const id = await calculateJwkThumbprint(publicJwk);
  return { id, createdAt: now.toISOString(), privateJwk: await exportJWK(privateKey), publicJwk };
}

function parseRing(text: string): KeyRing | undefined {
  try {
    const ring = JSON.parse(text) as KeyRing;
    return Array.isArray(ring.keys) && ring.keys.length > 0 ? ring : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The keys in `DATA_DIR/secrets/credential-keys.json`, owner-only like the CSRF key: never in the
 * journal, a snapshot or a log. Read again when the file changes, so `npm run keys:rotate` beside a
 * running server takes effect without a restart.
 */
export function fileKeyStore(dataDir: string): CredentialKeyStore {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'credential-keys.json');
  let cached: { mtimeMs: number; ring: KeyRing } | undefined;
  const write = async (ring: KeyRing) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
    cached = undefined;
    return ring;
  };
  const readFromDisk = async (): Promise<KeyRing | undefined> => {
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    if (cached?.mtimeMs === info.mtimeMs) return cached.ring;
    const ring = parseRing(await readFile(file, 'utf8'));
    if (ring) cached = { mtimeMs: info.mtimeMs, ring };
    return ring;
  };
  return {
    read: async () => (await readFromDisk()) ?? write({ keys: [await newKey(new Date())] }),
    rotate: async (now) => {
      const ring = (await readFromDisk()) ?? { keys: [] };
      return write({ keys: [...ring.keys, await newKey(now)] });
    },
    peek: readFromDisk,
    replace: async (ring) => {
      await write(ring);
    },
  };
}

const settingId = 'credential-keys';

/** With PostgreSQL every instance signs with the same keys: the ring is a row of `settings`. */
export function sharedKeyStore(store: AppStore): CredentialKeyStore {
  const update = async (change: (ring: KeyRing | undefined) => KeyRing | undefined) =>
    store.transact(async (tx) => {
      const row = await tx.get('settings', settingId);
      const current = row ? parseRing(row.value) : undefined;
      const next = change(current);
      if (next && next !== current) tx.put('settings', { id: settingId, value: JSON.stringify(next) });
      return (next ?? current) as KeyRing;
    });
  return {
    read: async () => {
      const row = await store.get('settings', settingId);
      const ring = row ? parseRing(row.value) : undefined;
      if (ring) return ring;
      // Generated outside the transaction, which may run more than once; the first writer wins.
      const candidate = await newKey(new Date());
      return update((existing) => existing ?? { keys: [candidate] });
    },
    rotate: async (now) => {
      const key = await newKey(now);
      return update((existing) => ({ keys: [...(existing?.keys ?? []), key] }));
    },
    peek: async () => {
      const row = await store.get('settings', settingId);
      return row ? parseRing(row.value) : undefined;
    },
    replace: async (ring) => {
      await update(() => ring);
    },
  };
}
