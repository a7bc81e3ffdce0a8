// Rotating the signing key with the operator's command, beside the running app: new credentials are
// signed with the new key, old ones still verify, and the keys on disk stay owner-only.
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCourse } from '../../certificates/http/complete-course.ts';
import { freePort, repoRoot } from '../../helpers/start-server.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  t = await createTestApp({ config: { baseUrl } });
  server = t.app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** `npm run keys:rotate` as the operator runs it, on the app's data folder. */
function rotate(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/keys-cli.ts', 'rotate'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: t.dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function newCredential(): Promise<string> {
  const agent = await signIn(t, await addUser(t, 'learner'));
  const id = await completeCourse(t, agent);
  return (await agent.get(`/certificates/${id}/badge.jwt`).expect(200)).text;
}

const verify = (jwt: string) =>
  jwtVerify(jwt, createRemoteJWKSet(new URL(`${baseUrl}/.well-known/jwks.json`)), { algorithms: ['EdDSA'] });

describe('npm run keys:rotate', () => {
  it('signs new credentials with a new key while those signed before still verify', async () => {
    const before = await newCredential();
    const result = await rotate();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 clé(s) publique(s)');
    const after = await newCredential();
    const [oldKid, newKid] = [decodeProtectedHeader(before).kid, decodeProtectedHeader(after).kid];
    expect(newKid).not.toBe(oldKid);
    expect(result.stdout).toContain(newKid!.split('/').pop());
    await expect(verify(before)).resolves.toBeDefined();
    await expect(verify(after)).resolves.toBeDefined();
    const jwks = (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
  });

  it('keeps the private keys in an owner-only file, out of the store and of what the command prints', async () => {
    const file = path.join(t.dataDir, 'secrets', 'credential-keys.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const ring = JSON.parse(await readFile(file, 'utf8')) as { keys: { privateJwk: { d: string } }[] };
    const secrets = ring.keys.map((key) => key.privateJwk.d);
    expect(secrets.every((d) => typeof d === 'string' && d.length > 20)).toBe(true);
    const result = await rotate();
    const storeFiles = (await readdir(t.dataDir)).filter((name) => /^(journal|snapshot)-/.test(name));
    expect(storeFiles.length).toBeGreaterThan(0);
    const journal = (await Promise.all(storeFiles.map((name) => readFile(path.join(t.dataDir, name), 'utf8')))).join(
      '',
    );
    expect(journal).toContain('credentialStatusEntries');
    for (const d of secrets) {
      expect(result.stdout + result.stderr).not.toContain(d);
      expect(journal).not.toContain(d);
    }
  });
});
