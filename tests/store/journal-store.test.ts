import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalStore } from '../../server/store/journal/journal-store.ts';
import { type collections, makeTempDir, openTestStore, progress } from './fixtures/collections.ts';
import { createFaultyFs } from './fixtures/faulty-fs.ts';

let dir: string;
let cleanup: () => Promise<void>;
let store: JournalStore<typeof collections>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  store = await openTestStore(dir);
});

afterEach(async () => {
  await store.close();
  await cleanup();
});

async function journalLines(): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.startsWith('journal-')).sort();
  const text = (await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).join('');
  return text.split('\n').filter(Boolean);
}

async function reopen(): Promise<void> {
  await store.close();
  store = await openTestStore(dir);
}

describe('the journal on disk', () => {
  it('keeps every acknowledged write, update and delete across close and reopen', async () => {
    await store.transact((tx) => {
      tx.put('progress', progress('a'));
      tx.put('progress', progress('b'));
      tx.put('counters', { id: 'visits', value: 1 });
    });
    await store.transact((tx) => tx.put('progress', progress('a', { timeSpentSec: 7 })));
    await store.transact((tx) => tx.delete('progress', 'b'));
    await reopen();
    expect(await store.get('progress', 'a')).toEqual(progress('a', { timeSpentSec: 7 }));
    expect(await store.get('progress', 'b')).toBeUndefined();
    expect(await store.get('counters', 'visits')).toEqual({ id: 'visits', value: 1 });
    expect((await store.findBy('progress', 'userId', 'u-a')).map((row) => row.id)).toEqual(['a']);
  });

  it('journals one transaction as one record, whatever its number of operations', async () => {
    const before = (await journalLines()).length;
    await store.transact((tx) => {
      tx.put('progress', progress('a'));
      tx.put('progress', progress('b'));
      tx.put('counters', { id: 'n', value: 1 });
    });
    const lines = await journalLines();
    expect(lines.length).toBe(before + 1);
    expect(JSON.parse(lines.at(-1)!).ops).toHaveLength(3);
  });

  it('journals nothing for a transaction whose fn throws, nor for the deletion of a missing row', async () => {
    const before = await journalLines();
    await expect(
      store.transact((tx) => {
        tx.put('progress', progress('a'));
        throw new Error('règle métier');
      }),
    ).rejects.toThrow('règle métier');
    await store.transact((tx) => tx.delete('progress', 'ghost'));
    expect(await journalLines()).toEqual(before);
    await reopen();
    expect(await store.get('progress', 'a')).toBeUndefined();
  });

  it('iterates the rows present when all() was called, even when the iteration starts later', async () => {
    await store.transact((tx) => {
      for (let i = 0; i < 3; i++) tx.put('progress', progress(`p${i}`));
    });
    const iterable = store.all('progress');
    await store.transact((tx) => {
      tx.put('progress', progress('late'));
      tx.delete('progress', 'p0');
    });
    const seen: string[] = [];
    for await (const row of iterable) seen.push(row.id);
    expect(seen.sort()).toEqual(['p0', 'p1', 'p2']);
  });

  it('acknowledges only once the record is on disk', async () => {
    await store.transact((tx) => tx.put('counters', { id: 'durable', value: 1 }));
    expect((await journalLines()).some((line) => line.includes('"durable"'))).toBe(true);
  });

  it('keeps the result of 100 concurrent increments across a reopen', async () => {
    await Promise.all(
      Array.from({ length: 100 }, () =>
        store.transact(async (tx) => {
          const counter = await tx.get('counters', 'n');
          await new Promise((resolve) => setImmediate(resolve));
          tx.put('counters', { id: 'n', value: (counter?.value ?? 0) + 1 });
        }),
      ),
    );
    await reopen();
    expect((await store.get('counters', 'n'))?.value).toBe(100);
  });
});

describe('compaction', () => {
  it('folds the journal into a new snapshot past compactAfterBytes and deletes the old journals', async () => {
    await store.close();
    const compacted: number[] = [];
    store = await openTestStore(dir, {
      compactAfterBytes: 2048,
      onCompacted: ({ generation }) => compacted.push(generation),
    });
    for (let i = 0; i < 40; i++) await store.transact((tx) => tx.put('progress', progress(`p${i}`)));
    await store.compact(); // also waits for a compaction already running
    expect(compacted.length).toBeGreaterThan(0);
    const snapshot = JSON.parse(await readFile(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(snapshot.generation).toBe(compacted.at(-1));
    expect(snapshot.collections.progress).toHaveLength(40);
    const journals = (await readdir(dir)).filter((name) => name.startsWith('journal-'));
    expect(journals).toEqual([`journal-${String(snapshot.generation).padStart(6, '0')}.jsonl`]);
    await reopen();
    expect(await store.count('progress')).toBe(40);
  });

  it('keeps acknowledging writes while the snapshot is being written; they go to the new journal generation', async () => {
    await store.close();
    const faulty = createFaultyFs();
    store = await openTestStore(dir, { fs: faulty.fs });
    await store.transact((tx) => {
      for (let i = 0; i < 20_000; i++) tx.put('progress', progress(`p${i}`));
    });
    // Let the snapshot's first chunk through, hold the second until a transaction started meanwhile
    // is acknowledged: if compaction held up transactions, this would never finish.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    faulty.failNext('write', 'snapshot.json.', { pass: true });
    const second = faulty.failNext('write', 'snapshot.json.', { pass: true, gate });
    const compaction = store.compact();
    await second.reached;
    await store.transact((tx) => tx.put('progress', progress('during')));
    open();
    await compaction;

    const snapshot = JSON.parse(await readFile(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(snapshot.collections.progress.some((row: { id: string }) => row.id === 'during')).toBe(false);
    expect((await journalLines()).some((line) => line.includes('"during"'))).toBe(true);
    await reopen();
    expect(await store.count('progress')).toBe(20_001);
  });
});
