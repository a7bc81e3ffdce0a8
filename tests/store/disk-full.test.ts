import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/store/errors.ts';
import type { JournalStore } from '../../server/store/journal/journal-store.ts';
import { type collections, makeTempDir, openTestStore, progress } from './fixtures/collections.ts';
import { createFaultyFs } from './fixtures/faulty-fs.ts';

let dir: string;
let cleanup: () => Promise<void>;
let faulty: ReturnType<typeof createFaultyFs>;
let store: JournalStore<typeof collections>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('disk-full-'));
  faulty = createFaultyFs();
  store = await openTestStore(dir, { fs: faulty.fs });
  await store.transact((tx) => {
    tx.put('progress', progress('a', { userId: 'alice', timeSpentSec: 10 }));
    tx.put('progress', progress('b', { userId: 'bob' }));
  });
});

afterEach(async () => {
  await store.close().catch(() => {});
  await cleanup();
});

const journal = () => path.join(dir, 'journal-000001.jsonl');

/** Closes the faulty store and reopens the directory with the real file system. */
async function reopenClean(): Promise<void> {
  await store.close();
  store = await openTestStore(dir);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('a full disk or a failing disk', () => {
  it('rejects with StoreUnavailableError when the append hits ENOSPC mid-line, rolls memory back and leaves the journal as it was', async () => {
    const before = await readFile(journal());
    faulty.failNext('write', 'journal-', { partial: true });
    const attempt = store.transact((tx) => {
      tx.put('progress', progress('a', { userId: 'carol', timeSpentSec: 99 }));
      tx.delete('progress', 'b');
      tx.put('progress', progress('c'));
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(attempt).rejects.toMatchObject({ code: 'ENOSPC' });

    expect(await store.get('progress', 'a')).toEqual(progress('a', { userId: 'alice', timeSpentSec: 10 }));
    expect(await store.get('progress', 'b')).toBeDefined();
    expect(await store.get('progress', 'c')).toBeUndefined();
    expect((await store.findBy('progress', 'userId', 'alice')).map((row) => row.id)).toEqual(['a']);
    expect(await store.findBy('progress', 'userId', 'carol')).toEqual([]);
    expect(await readFile(journal())).toEqual(before);

    await store.transact((tx) => tx.put('progress', progress('d')));
    await reopenClean();
    expect((await store.get('progress', 'a'))?.userId).toBe('alice');
    expect(await store.get('progress', 'b')).toBeDefined();
    expect(await store.get('progress', 'c')).toBeUndefined();
    expect(await store.get('progress', 'd')).toBeDefined();
  });

  it('does not resurrect a fully written line whose fsync failed, nor the transactions queued behind it', async () => {
    // Hold the failing fsync until a second transaction, which read the first one's result, is queued.
    const gate = deferred();
    const held = faulty.failNext('datasync', 'journal-', { gate: gate.promise });
    const first = store.transact(async (tx) => {
      const counter = await tx.get('counters', 'n');
      tx.put('counters', { id: 'n', value: (counter?.value ?? 0) + 1 });
    });
    await held.reached;
    const second = store.transact(async (tx) => {
      const counter = await tx.get('counters', 'n');
      tx.put('counters', { id: 'n', value: (counter?.value ?? 0) + 1 });
    });
    await new Promise((resolve) => setImmediate(resolve));
    gate.resolve();
    await expect(first).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(second).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.get('counters', 'n')).toBeUndefined();
    expect((await readFile(journal(), 'utf8')).includes('"counters"')).toBe(false);

    await store.transact(async (tx) => {
      const counter = await tx.get('counters', 'n');
      tx.put('counters', { id: 'n', value: (counter?.value ?? 0) + 1 });
    });
    await reopenClean();
    expect(await store.get('counters', 'n')).toEqual({ id: 'n', value: 1 });
  });

  it('refuses every later write when the journal cannot be repaired, and keeps what was acknowledged', async () => {
    faulty.failNext('write', 'journal-', { partial: true, code: 'EIO' });
    faulty.failNext('truncate', 'journal-');
    await expect(store.transact((tx) => tx.put('progress', progress('lost')))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.transact((tx) => tx.put('progress', progress('later')))).rejects.toThrow(/redémarrez/);
    expect(await store.get('progress', 'later')).toBeUndefined();
    expect(await store.get('progress', 'a')).toBeDefined();

    // The half-written line is still in the file: on reopen it is a torn tail, ignored and cut off.
    await reopenClean();
    expect(await store.get('progress', 'lost')).toBeUndefined();
    expect(await store.count('progress')).toBe(2);
    await store.transact((tx) => tx.put('progress', progress('after-restart')));
    await reopenClean();
    expect(await store.get('progress', 'after-restart')).toBeDefined();
  });

  it('keeps the old snapshot when a compaction hits ENOSPC, removes its temp file, and writes go on', async () => {
    const snapshotBefore = await readFile(path.join(dir, 'snapshot.json'));
    faulty.failNext('write', 'snapshot.json.');
    await expect(store.compact()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await readFile(path.join(dir, 'snapshot.json'))).toEqual(snapshotBefore);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    await store.transact((tx) => tx.put('progress', progress('after')));
    await reopenClean();
    expect(await store.count('progress')).toBe(3);
    await store.compact();
    expect(JSON.parse(await readFile(path.join(dir, 'snapshot.json'), 'utf8')).collections.progress).toHaveLength(3);
  });

  it('abandons a compaction when the new journal generation cannot be created; writes stay in the current one', async () => {
    faulty.failNext('open', 'journal-000002');
    await expect(store.compact()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.transact((tx) => tx.put('progress', progress('after')));
    expect(await readFile(journal(), 'utf8')).toContain('"after"');
    await reopenClean();
    expect(await store.count('progress')).toBe(3);
  });

  it('fails a compaction whose captured rows were rolled back, instead of writing them to the snapshot', async () => {
    const gate = deferred();
    const held = faulty.failNext('write', 'journal-', { gate: gate.promise });
    const doomed = store.transact((tx) => tx.put('progress', progress('doomed')));
    await held.reached;
    const compaction = store.compact(); // captures 'doomed', which is applied but not yet durable
    gate.resolve();
    await expect(doomed).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(compaction).rejects.toBeInstanceOf(StoreUnavailableError);
    await reopenClean();
    expect(await store.get('progress', 'doomed')).toBeUndefined();
    expect(await store.count('progress')).toBe(2);
  });
});
