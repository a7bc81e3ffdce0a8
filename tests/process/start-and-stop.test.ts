// The real `server/main.ts` as a child process: start-up failures are said and release the data
// directory; SIGTERM stops cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string> & { PORT: string }): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      // vitest puts vite's BASE_URL ("/") in the environment: give the server its real one.
      BASE_URL: `http://localhost:${env.PORT}`,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      COURSES_DIR: 'tests/fixtures/courses/valid',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exit };
}

async function waitFor(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-process-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('the server process', () => {
  it('refuses a port already in use with a French line naming it, exits 1 and releases the data directory', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const dir = await dataDir();
    const server = start({ PORT: String(port), DATA_DIR: dir });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain(`Le port ${port} est déjà utilisé`);
    expect(server.output()).not.toContain('ready');
    expect(server.output()).not.toContain('setup?token=');
    expect(existsSync(path.join(dir, 'store.lock'))).toBe(false);
  });

  it('stops on SIGTERM with exit code 0, and the same data directory opens again at once', async () => {
    const dir = await dataDir();
    const port = await freePort();
    const first = start({ PORT: String(port), DATA_DIR: dir });
    await waitFor(() => first.output().includes('Passerelle ready on'));
    expect(first.output()).toMatch(/"setupLink":"http:\/\/localhost:\d+\/setup\?token=[^"]+"/);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain('store closed');
    const second = start({ PORT: String(port), DATA_DIR: dir });
    await waitFor(() => second.output().includes('Passerelle ready on'));
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });
});
