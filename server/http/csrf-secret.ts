import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppStore } from '../store/app-collections.ts';

/**
 * The key that signs CSRF tokens, in its own owner-only file under the data directory rather than in
 * the store: it never appears in the journal, the snapshot or a backup. Losing it costs nothing but
 * the forms open at that moment (they are sent again), so it is simply made anew when missing.
 */
export async function loadCsrfSecret(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'csrf.key');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (/^[\w-]{43}$/.test(existing.trim())) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${secret}\n`, { mode: 0o600 });
  await rename(temp, file);
  return secret;
}

/**
 * With PostgreSQL, every instance must sign forms with the same key: it is kept in the database (which,
 * unlike the journal, is not a file copied around with backups of the data folder), created once.
 */
export async function loadSharedCsrfSecret(store: AppStore): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  return store.transact(async (tx) => {
    const existing = await tx.get('settings', 'csrf-secret');
    if (existing) return existing.value;
    tx.put('settings', { id: 'csrf-secret', value: candidate });
    return candidate;
  });
}
