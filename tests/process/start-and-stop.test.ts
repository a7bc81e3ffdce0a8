// The real `server/main.ts` as a child process: start-up failures are said and release the data
// directory; SIGTERM stops cleanly.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startServer } from '../helpers/start-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-process-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('the server process', () => {
  it('refuses a port already in use with a French line naming it, exits 1 and releases the data directory', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const dir = await dataDir();
    const failure = await startServer({ port, dataDir: dir }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toContain(`Le port ${port} est déjà utilisé`);
    expect(failure).not.toContain('Passerelle ready');
    expect(failure).not.toContain('setup?token=');
    expect(existsSync(path.join(dir, 'store.lock'))).toBe(false);
  });

  it('stops on SIGTERM with exit code 0, and the same data directory opens again at once', async () => {
    const dir = await dataDir();
    const first = await startServer({ dataDir: dir, env: { LOG_FORMAT: 'json' } });
    expect(first.setupLink).toMatch(/\/setup\?token=[\w-]+$/);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('store closed');
    const second = await startServer({ dataDir: dir });
    expect(await second.stop()).toBe(0);
  });
});
