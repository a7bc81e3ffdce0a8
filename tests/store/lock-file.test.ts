import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../server/store/errors.ts';
import { openJournalStore } from '../../server/store/journal/open-journal-store.ts';
import { makeTempDir, openTestStore } from './fixtures/collections.ts';
import { crashCollections } from './fixtures/crash-collections.ts';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('lock-'));
});

afterEach(async () => {
  await cleanup();
});

const lockFile = () => path.join(dir, 'store.lock');
const lockPid = async () => JSON.parse(await readFile(lockFile(), 'utf8')).pid as number;

/** Runs a process to its end and returns its (now free) PID. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'close');
  return child.pid!;
}

function procState(pid: number): Promise<string | undefined> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(
    (text) => text.slice(text.lastIndexOf(')') + 2).split(' ')[0],
    () => undefined,
  );
}

describe('the lock file', () => {
  it('holds the owner’s PID and refuses a second open of the same directory with a French StoreLockedError', async () => {
    const store = await openTestStore(dir);
    expect(await lockPid()).toBe(process.pid);
    const error = await openTestStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as StoreLockedError).pid).toBe(process.pid);
    expect((error as Error).message).toMatch(/déjà utilisé par le processus \d+/);
    expect((error as Error).message).toContain(lockFile());
    await store.close();
  });

  it('is released on close, so the directory can be opened again', async () => {
    const store = await openTestStore(dir);
    await store.close();
    await expect(readFile(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await openTestStore(dir);
    await again.close();
  });

  it('refuses an open while another live process owns the directory, and takes over once it has died', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('tests/store/fixtures/crash-writer.ts'), dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const closed = once(child, 'close');
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
    });
    try {
      const error = await openTestStore(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect((error as StoreLockedError).pid).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
      await closed; // reaped: no longer a zombie
    }
    const store = await openJournalStore({ dir, collections: crashCollections, schemaVersion: 1 });
    expect(await lockPid()).toBe(process.pid);
    await store.close();
  });

  it('takes over a stale lock whose process is gone', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: await deadPid() }));
    const store = await openTestStore(dir);
    expect(await lockPid()).toBe(process.pid);
    await store.close();
  });

  it('removes the temp and set-aside lock files a dead process left behind', async () => {
    const pid = await deadPid();
    const leftovers = [`store.lock.${pid}-m0-x1.tmp`, `store.lock.${pid}.stale`];
    for (const name of leftovers) await writeFile(path.join(dir, name), '{}');
    const store = await openTestStore(dir);
    await store.close();
    expect((await readdir(dir)).filter((name) => name.startsWith('store.lock'))).toEqual([]);
  });

  it('takes over the lock of a zombie (killed but not yet reaped) process', async () => {
    // `sh` starts a short-lived child, then becomes `sleep`, which never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const [chunk] = (await once(parent.stdout!, 'data')) as [Buffer];
      const zombie = Number(chunk.toString().trim());
      while ((await procState(zombie)) !== 'Z') await sleep(20);
      await writeFile(lockFile(), JSON.stringify({ pid: zombie }));
      const store = await openTestStore(dir);
      expect(await lockPid()).toBe(process.pid);
      await store.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('takes over a lock holding our own PID left by an earlier life (a container restarted with the same PID)', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.pid }));
    const store = await openTestStore(dir);
    // Rewritten by this life: it now carries our start time.
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual({ pid: process.pid, procStart: expect.any(Number) });
    await store.close();
  });

  it('takes over a lock whose PID now belongs to a process started at another time', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, procStart: 1 }));
    const store = await openTestStore(dir);
    expect(await lockPid()).toBe(process.pid);
    await store.close();
  });

  it('refuses a lock held by another live process, even without a start time', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid }));
    await expect(openTestStore(dir)).rejects.toBeInstanceOf(StoreLockedError);
    expect(await lockPid()).toBe(process.ppid);
  });
});
