import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
