// The data files hold password hashes and personal data: only the account running Passerelle may
// read them, whatever the umask it was started with.
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupStore } from '../../server/store/journal/backup-store.ts';
import { nodeStoreFs, type StoreFs } from '../../server/store/journal/store-fs.ts';
import { makeTempDir, openTestStore, progress } from './fixtures/collections.ts';

let base: string;
let cleanup: () => Promise<void>;
let umask: number;

beforeEach(async () => {
  ({ dir: base, cleanup } = await makeTempDir('owner-only-'));
  umask = process.umask(0); // the dirst: anything not asked for explicitly would be 0777 / 0666
});

afterEach(async () => {
  process.umask(umask);
  await cleanup();
});

const modeOf = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);

/** The mode of every entry of a folder, e.g. { 'snapshot.json': '600' }. */
async function modes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) result[name] = await modeOf(path.join(dir, name));
  return result;
}

/** Records the mode of each temporary file right after the store created it. */
function recordingTempModes(): { fs: StoreFs; temps: string[] } {
  const temps: string[] = [];
  const fs: StoreFs = {
    ...nodeStoreFs,
    async open(file, flags) {
      const handle = await nodeStoreFs.open(file, flags);
      if (file.endsWith('.tmp')) temps.push(await modeOf(file));
      return handle;
    },
  };
  return { fs, temps };
}

describe('owner-only data', () => {
  it('creates the data directory 0700 and the snapshot, journals, lock and temp files 0600', async () => {
    const dir = path.join(base, 'new', 'data');
    const { fs, temps } = recordingTempModes();
    const store = await openTestStore(dir, { fs });
    try {
      await store.transact((tx) => tx.put('progress', progress('a')));
      await store.compact();
      await store.transact((tx) => tx.put('progress', progress('b')));
      expect(await modeOf(dir)).toBe('700');
      expect(await modes(dir)).toEqual({
        'journal-000002.jsonl': '600',
        'snapshot.json': '600',
        'store.lock': '600',
      });
      expect(temps.length).toBeGreaterThanOrEqual(3); // lock, first snapshot, compacted snapshot
      expect(new Set(temps)).toEqual(new Set(['600']));
    } finally {
      await store.close();
    }
  });

  it('tightens a data directory written with wider permissions when it opens it, and says so', async () => {
    const dir = path.join(base, 'data');
    const store = await openTestStore(dir);
    await store.transact((tx) => tx.put('progress', progress('a')));
    await store.close();
    // As an older release or a loose umask left it.
    await chmod(dir, 0o755);
    for (const name of await readdir(dir)) await chmod(path.join(dir, name), 0o644);
    const warnings: string[] = [];
    const reopened = await openTestStore(dir, { onWarning: (message: string) => warnings.push(message) });
    try {
      expect(await modeOf(dir)).toBe('700');
      expect(await modes(dir)).toEqual({
        'journal-000001.jsonl': '600',
        'snapshot.json': '600',
        'store.lock': '600',
      });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Droits d’accès resserrés.*dossier 0700, fichiers 0600/);
      expect(warnings[0]).toContain(dir);
    } finally {
      await reopened.close();
    }
  });

  it('writes backups owner-only: a new folder 0700 and its snapshot 0600', async () => {
    const dir = path.join(base, 'data');
    const store = await openTestStore(dir);
    try {
      await store.transact((tx) => tx.put('progress', progress('a')));
      await backupStore(dir, path.join(base, 'copies', 'outside'));
      await store.backup(path.join(base, 'copies', 'inside'));
    } finally {
      await store.close();
    }
    for (const copy of ['outside', 'inside']) {
      expect(await modeOf(path.join(base, 'copies', copy)), copy).toBe('700');
      expect(await modes(path.join(base, 'copies', copy)), copy).toEqual({ 'snapshot.json': '600' });
    }
  });

  it('leaves the mode of an existing folder chosen for a backup, and writes the backup in it 0600', async () => {
    const dir = path.join(base, 'data');
    const target = path.join(base, 'chosen');
    await mkdir(target, { mode: 0o750 });
    const store = await openTestStore(dir);
    await store.close();
    await backupStore(dir, target);
    expect(await modeOf(target)).toBe('750');
    expect(await modes(target)).toEqual({ 'snapshot.json': '600' });
  });
});
