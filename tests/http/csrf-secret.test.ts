import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCsrfSecret } from '../../server/http/csrf-secret.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const dataDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-secret-'));
  dirs.push(dir);
  return dir;
};

describe('loadCsrfSecret', () => {
  it('creates a 256-bit secret in an owner-only file and returns the same one afterwards', async () => {
    const dir = await dataDir();
    const secret = await loadCsrfSecret(dir);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await loadCsrfSecret(dir)).toBe(secret);
    expect((await stat(path.join(dir, 'secrets'))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'secrets/csrf.key'))).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(dir, 'secrets/csrf.key'), 'utf8')).trim()).toBe(secret);
  });

  it('makes a new secret when the file was left empty by a crash', async () => {
    const dir = await dataDir();
    await loadCsrfSecret(dir);
    await writeFile(path.join(dir, 'secrets/csrf.key'), '');
    expect(await loadCsrfSecret(dir)).toMatch(/^[\w-]{43}$/);
  });
});
