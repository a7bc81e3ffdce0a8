import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError, ValidationError } from '../../server/store/errors.ts';
import type { JournalStore } from '../../server/store/journal/journal-store.ts';
import { collect, type collections, makeTempDir, openTestStore, progress } from './fixtures/collections.ts';
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

describe('reading and writing rows', () => {
  it('stores a row and returns it by id', async () => {
    await store.transact((tx) => tx.put('progress', progress('p1', { timeSpentSec: 42 })));
    expect(await store.get('progress', 'p1')).toEqual(progress('p1', { timeSpentSec: 42 }));
    expect(await store.get('progress', 'missing')).toBeUndefined();
  });

  it('hands out deeply frozen rows, so a caller cannot change stored data by mutating them', async () => {
    const mine = { id: 'ana', tags: ['rh'], prefs: { lang: 'fr' } };
    await store.transact((tx) => tx.put('profiles', mine));
    const stored = (await store.get('profiles', 'ana'))!;
    expect(Object.isFrozen(stored) && Object.isFrozen(stored.tags) && Object.isFrozen(stored.prefs)).toBe(true);
    expect(() => {
      (stored.tags as string[]).push('admin');
    }).toThrow(TypeError);
    expect(() => {
      (stored.prefs as { lang: string }).lang = 'en';
    }).toThrow(TypeError);
    expect(await store.get('profiles', 'ana')).toEqual({ id: 'ana', tags: ['rh'], prefs: { lang: 'fr' } });
    // The caller's object stays its own: the store keeps the validated copy.
    mine.tags.push('compta');
    expect((await store.get('profiles', 'ana'))!.tags).toEqual(['rh']);
  });

  it('returns the validated row from tx.put', async () => {
    const stored = await store.transact((tx) => tx.put('progress', progress('p1')));
    expect(stored).toEqual(progress('p1'));
    expect(Object.isFrozen(stored)).toBe(true);
  });

  it('finds rows through an index and keeps the index right after updates and deletes', async () => {
    await store.transact((tx) => {
      tx.put('progress', progress('a', { userId: 'alice' }));
      tx.put('progress', progress('b', { userId: 'alice', course: 'rgpd' }));
      tx.put('progress', progress('c', { userId: 'bob' }));
    });
    const ids = async (field: 'userId' | 'course', value: string) =>
      (await store.findBy('progress', field, value)).map((row) => row.id).sort();
    expect(await ids('userId', 'alice')).toEqual(['a', 'b']);
    expect(await ids('course', 'rgpd')).toEqual(['b']);

    await store.transact((tx) => tx.put('progress', progress('a', { userId: 'bob' })));
    expect(await ids('userId', 'alice')).toEqual(['b']);
    expect(await ids('userId', 'bob')).toEqual(['a', 'c']);

    await store.transact((tx) => tx.delete('progress', 'c'));
    expect(await ids('userId', 'bob')).toEqual(['a']);
    expect(await ids('userId', 'nobody')).toEqual([]);
  });

  it('counts rows and iterates those present when all() was called', async () => {
    await store.transact((tx) => {
      for (let i = 0; i < 5; i++) tx.put('progress', progress(`p${i}`));
    });
    expect(await store.count('progress')).toBe(5);
    expect(await store.count('counters')).toBe(0);

    const iterable = store.all('progress');
    await store.transact((tx) => {
      tx.put('progress', progress('late'));
      tx.delete('progress', 'p0');
    });
    const seen = (await collect(iterable)).map((row) => row.id).sort();
    expect(seen).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(await store.count('progress')).toBe(5);
  });

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

  it('does not journal the deletion of a row that does not exist', async () => {
    const before = await journalLines();
    await store.transact((tx) => tx.delete('progress', 'ghost'));
    expect(await journalLines()).toEqual(before);
  });

  it('throws on an unknown collection or a field that is not indexed', async () => {
    // @ts-expect-error: not a collection
    await expect(store.get('nope', 'x')).rejects.toThrow(/Collection inconnue/);
    // @ts-expect-error: 'module' is not indexed
    await expect(store.findBy('progress', 'module', 'x')).rejects.toThrow(/pas indexé/);
  });

  it('rejects every call once closed, with StoreUnavailableError', async () => {
    await store.close();
    await expect(store.get('progress', 'a')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.transact(() => 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    store = await openTestStore(dir);
  });
});

describe('transactions', () => {
  it('applies all of its writes or none: when fn throws, nothing is applied and transact rejects with its error', async () => {
    await store.transact((tx) => tx.put('progress', progress('a')));
    const failure = new Error('règle métier');
    await expect(
      store.transact((tx) => {
        tx.put('progress', progress('a', { timeSpentSec: 5 }));
        tx.put('progress', progress('b'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await store.get('progress', 'a'))!.timeSpentSec).toBe(0);
    expect(await store.get('progress', 'b')).toBeUndefined();
    await reopen();
    expect(await store.get('progress', 'b')).toBeUndefined();
  });

  it('rejects an invalid row with a ValidationError naming the collection, and applies nothing', async () => {
    const attempt = store.transact((tx) => {
      tx.put('progress', progress('ok'));
      tx.put('progress', { ...progress('bad'), timeSpentSec: -1 });
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/progress/);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.issues[0]?.path).toEqual(['timeSpentSec']);
    expect(await store.get('progress', 'ok')).toBeUndefined();
  });

  it('rejects unknown fields (strict schemas) instead of storing them', async () => {
    await expect(
      store.transact((tx) => tx.put('counters', { id: 'c', value: 1, intrus: true } as never)),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('lets fn catch a ValidationError and go on: only its valid writes are applied', async () => {
    await store.transact((tx) => {
      tx.put('progress', progress('ok'));
      expect(() => tx.put('progress', { ...progress('bad'), userId: '' })).toThrow(ValidationError);
    });
    expect(await store.get('progress', 'ok')).toBeDefined();
    expect(await store.get('progress', 'bad')).toBeUndefined();
  });

  it('reads its own writes (get and findBy) while others still see the committed state', async () => {
    await store.transact((tx) => {
      tx.put('progress', progress('a', { userId: 'alice' }));
      tx.put('progress', progress('b', { userId: 'alice' }));
    });
    await store.transact(async (tx) => {
      tx.put('progress', progress('c', { userId: 'alice' }));
      tx.put('progress', progress('a', { userId: 'bob' }));
      tx.delete('progress', 'b');
      expect((await tx.get('progress', 'c'))?.id).toBe('c');
      expect(await tx.get('progress', 'b')).toBeUndefined();
      expect((await tx.findBy('progress', 'userId', 'alice')).map((row) => row.id)).toEqual(['c']);
      expect((await tx.findBy('progress', 'userId', 'bob')).map((row) => row.id)).toEqual(['a']);
      // Not applied until fn returns.
      expect(await store.get('progress', 'c')).toBeUndefined();
      expect((await store.get('progress', 'b'))?.id).toBe('b');
    });
    expect((await store.findBy('progress', 'userId', 'alice')).map((row) => row.id)).toEqual(['c']);
  });

  it('runs transactions one at a time: concurrent read-modify-write increments lose nothing', async () => {
    await Promise.all(
      Array.from({ length: 100 }, () =>
        store.transact(async (tx) => {
          const counter = await tx.get('counters', 'n');
          await new Promise((resolve) => setImmediate(resolve));
          tx.put('counters', { id: 'n', value: (counter?.value ?? 0) + 1 });
        }),
      ),
    );
    expect((await store.get('counters', 'n'))?.value).toBe(100);
    await reopen();
    expect((await store.get('counters', 'n'))?.value).toBe(100);
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

  it('resolves with the value returned by fn, also for a transaction that only reads', async () => {
    await store.transact((tx) => tx.put('counters', { id: 'n', value: 3 }));
    expect(await store.transact(async (tx) => (await tx.get('counters', 'n'))?.value)).toBe(3);
  });

  it('refuses a tx used after its function returned', async () => {
    let leaked: Parameters<Parameters<typeof store.transact>[0]>[0] | undefined;
    await store.transact((tx) => {
      leaked = tx;
    });
    expect(() => leaked!.put('counters', { id: 'late', value: 1 })).toThrow(/Transaction terminée/);
  });

  it('acknowledges only once the record is on disk', async () => {
    await store.transact((tx) => tx.put('counters', { id: 'durable', value: 1 }));
    expect((await journalLines()).some((line) => line.includes('"durable"'))).toBe(true);
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
