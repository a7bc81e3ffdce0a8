import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKeyStore } from '../../server/badges/credential-keys.ts';
import { StoreBackupError } from '../../server/store/errors.ts';
import { backupStore } from '../../server/store/journal/backup-store.ts';
import type { JournalStore } from '../../server/store/journal/journal-store.ts';
import { nodeStoreFs, type StoreFs } from '../../server/store/journal/store-fs.ts';
import { type collections, makeTempDir, openTestStore, progress } from './fixtures/collections.ts';

let dir: string;
let base: string;
let cleanup: () => Promise<void>;
let store: JournalStore<typeof collections>;

beforeEach(async () => {
  ({ dir: base, cleanup } = await makeTempDir('backup-'));
  dir = path.join(base, 'data');
  // A small threshold: compactions keep replacing the snapshot and journals while backups read them.
  store = await openTestStore(dir, { compactAfterBytes: 4096 });
});

afterEach(async () => {
  await store.close();
  await cleanup();
});

/** Writers that keep saving until stopped; `acked` holds ids whose save was acknowledged. */
function keepWriting(writers = 8) {
  const acked = new Set<string>();
  let running = true;
  let n = 0;
  const done = Promise.all(
    Array.from({ length: writers }, async () => {
      while (running) {
        const id = `p${n++}`;
        await store.transact((tx) => tx.put('progress', progress(id, { timeSpentSec: n })));
        acked.add(id);
      }
    }),
  );
  return {
    acked,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function expectBackupHolds(target: string, ids: Iterable<string>): Promise<number> {
  const copy = await openTestStore(target);
  try {
    for (const id of ids) expect(await copy.get('progress', id), id).toBeDefined();
    return await copy.count('progress');
  } finally {
    await copy.close();
  }
}

describe('backupStore (a consistent copy taken from outside, without the lock)', () => {
  it('copies a running store while writes and compactions go on; the copy opens and holds every write acknowledged before', async () => {
    const writes = keepWriting();
    while (writes.acked.size < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = [...writes.acked];
    const target = path.join(base, 'copy');
    const result = await backupStore(dir, target);
    await writes.stop();
    // One self-contained snapshot, no journal, no lock.
    expect(await readdir(target)).toEqual(['snapshot.json']);
    expect(await expectBackupHolds(target, before)).toBe(result.rows);
    expect(result.rows).toBeGreaterThanOrEqual(before.length);
  });

  it('starts again when a compaction replaced the snapshot between its reads', async () => {
    await store.transact((tx) => tx.put('progress', progress('before')));
    let raced = false;
    const racingFs: StoreFs = {
      ...nodeStoreFs,
      async readdir(file) {
        // Just after the backup has read the snapshot: compact, so its journal disappears.
        if (!raced && file === dir) {
          raced = true;
          await store.transact((tx) => tx.put('progress', progress('during')));
          await store.compact();
        }
        return nodeStoreFs.readdir(file);
      },
    };
    const target = path.join(base, 'copy');
    const result = await backupStore(dir, target, { fs: racingFs });
    expect(raced).toBe(true);
    expect(result.attempts).toBe(2);
    await expectBackupHolds(target, ['before', 'during']);
  });

  it('refuses a target that already holds a store, and the data directory itself', async () => {
    const target = path.join(base, 'old-copy');
    await mkdir(target);
    await writeFile(path.join(target, 'snapshot.json'), '{}');
    await expect(backupStore(dir, target)).rejects.toBeInstanceOf(StoreBackupError);
    await expect(backupStore(dir, dir)).rejects.toThrow(/dossier de données lui-même/);
  });

  it('is what `tsx server/cli/backup-cli.ts <target>` runs, from another process, with DATA_DIR', async () => {
    const writes = keepWriting();
    while (writes.acked.size < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = [...writes.acked];
    const keys = await fileKeyStore(dir).read();
    const target = path.join(base, 'cli-copy');
    const cli = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/cli/backup-cli.ts'), target], {
      env: { ...process.env, DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    cli.stdout.on('data', (chunk) => {
      output += chunk;
    });
    cli.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const [code] = await once(cli, 'close');
    await writes.stop();
    expect(code, output).toBe(0);
    expect(output).toMatch(/Sauvegarde de .* écrite dans/);
    await expectBackupHolds(target, before);
    // The Open Badges signing keys come along, owner-only; the CSRF key does not.
    expect(await fileKeyStore(target).peek()).toEqual(keys);
    expect((await stat(path.join(target, 'secrets', 'credential-keys.json'))).mode & 0o777).toBe(0o600);
  });
});

describe('store.backup (from the running store itself)', () => {
  it('writes a self-contained copy that opens as a store and holds every acknowledged write', async () => {
    const writes = keepWriting();
    while (writes.acked.size < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = [...writes.acked];
    const target = path.join(base, 'copy');
    await store.backup(target);
    await writes.stop();
    await expectBackupHolds(target, before);
  });
});
