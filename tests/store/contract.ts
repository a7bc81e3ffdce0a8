// What every Store implementation must do, whatever keeps the data: a test file calls
// `storeContract(name, open)` with a function that opens a fresh, empty store over the collections of
// fixtures/collections.ts and a `close` that lets go of it (and of its data) even if already closed.
// Journal-only behaviour (files, compaction, crashes, lock) is tested in the other files of this folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError, ValidationError } from '../../server/store/errors.ts';
import type { Store, Tx } from '../../server/store/store.ts';
import { collect, type collections, progress } from './fixtures/collections.ts';

export type ContractStore = Store<typeof collections>;

export interface OpenedStore {
  store: ContractStore;
  close(): Promise<void>;
}

export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: the store contract`, () => {
    let store: ContractStore;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ store, close } = await open());
    });

    afterEach(async () => {
      await close();
    });

    const ids = async (field: 'userId' | 'course', value: string) =>
      (await store.findBy('progress', field, value)).map((row) => row.id).sort();

    const increment = (counter: string) =>
      store.transact(async (tx) => {
        const current = await tx.get('counters', counter);
        // Give other transactions every chance to interleave between the read and the write.
        await new Promise((resolve) => setImmediate(resolve));
        tx.put('counters', { id: counter, value: (current?.value ?? 0) + 1 });
      });

    describe('reading rows', () => {
      it('returns a stored row by id, and undefined for an id it does not hold', async () => {
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

      it('finds rows through an index, and keeps the index right after updates and deletes', async () => {
        await store.transact((tx) => {
          tx.put('progress', progress('a', { userId: 'alice' }));
          tx.put('progress', progress('b', { userId: 'alice', course: 'rgpd' }));
          tx.put('progress', progress('c', { userId: 'bob' }));
        });
        expect(await ids('userId', 'alice')).toEqual(['a', 'b']);
        expect(await ids('course', 'rgpd')).toEqual(['b']);

        await store.transact((tx) => tx.put('progress', progress('a', { userId: 'bob' })));
        expect(await ids('userId', 'alice')).toEqual(['b']);
        expect(await ids('userId', 'bob')).toEqual(['a', 'c']);

        await store.transact((tx) => tx.delete('progress', 'c'));
        expect(await ids('userId', 'bob')).toEqual(['a']);
        expect(await ids('userId', 'nobody')).toEqual([]);
      });

      it('counts rows, and iterates those present when the iteration started', async () => {
        expect(await collect(store.all('progress'))).toEqual([]);
        await store.transact((tx) => {
          for (let i = 0; i < 5; i++) tx.put('progress', progress(`p${i}`));
        });
        expect(await store.count('progress')).toBe(5);
        expect(await store.count('counters')).toBe(0);

        const iterator = store.all('progress')[Symbol.asyncIterator]();
        const first = await iterator.next();
        await store.transact((tx) => {
          tx.put('progress', progress('late'));
          tx.delete('progress', first.value.id === 'p0' ? 'p1' : 'p0');
        });
        const seen = [first.value.id];
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) seen.push(next.value.id);
        expect(seen.sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
        expect(await store.count('progress')).toBe(5);
      });

      it('throws on an unknown collection or a field that is not indexed', async () => {
        // @ts-expect-error: not a collection
        await expect(store.get('nope', 'x')).rejects.toThrow(/Collection inconnue/);
        // @ts-expect-error: 'module' is not indexed
        await expect(store.findBy('progress', 'module', 'x')).rejects.toThrow(/pas indexé/);
      });
    });

    describe('writing rows', () => {
      it('returns the validated, frozen row from tx.put', async () => {
        const stored = await store.transact((tx) => tx.put('progress', progress('p1')));
        expect(stored).toEqual(progress('p1'));
        expect(Object.isFrozen(stored)).toBe(true);
      });

      it('replaces a row put again with the same id', async () => {
        await store.transact((tx) => tx.put('progress', progress('a')));
        await store.transact((tx) => tx.put('progress', progress('a', { timeSpentSec: 7 })));
        expect(await store.get('progress', 'a')).toEqual(progress('a', { timeSpentSec: 7 }));
        expect(await store.count('progress')).toBe(1);
      });

      it('deletes a row, and treats deleting a missing id as nothing to do', async () => {
        await store.transact((tx) => {
          tx.put('progress', progress('a'));
          tx.put('progress', progress('b'));
        });
        await store.transact((tx) => tx.delete('progress', 'a'));
        await store.transact((tx) => tx.delete('progress', 'ghost'));
        expect(await store.get('progress', 'a')).toBeUndefined();
        expect((await collect(store.all('progress'))).map((row) => row.id)).toEqual(['b']);
      });

      it('rejects an invalid row with a ValidationError naming the collection and the field, and applies nothing', async () => {
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
        expect(await store.get('counters', 'c')).toBeUndefined();
      });

      it('lets fn catch a ValidationError and go on: only its valid writes are applied', async () => {
        await store.transact((tx) => {
          tx.put('progress', progress('ok'));
          expect(() => tx.put('progress', { ...progress('bad'), userId: '' })).toThrow(ValidationError);
        });
        expect(await store.get('progress', 'ok')).toBeDefined();
        expect(await store.get('progress', 'bad')).toBeUndefined();
      });
    });

    describe('transactions', () => {
      it('applies every write of a transaction across collections, or none: when fn throws, transact rejects with its error', async () => {
        await store.transact((tx) => tx.put('progress', progress('a')));
        const failure = new Error('règle métier');
        await expect(
          store.transact((tx) => {
            tx.put('progress', progress('a', { timeSpentSec: 5 }));
            tx.put('progress', progress('b'));
            tx.put('counters', { id: 'n', value: 1 });
            tx.delete('progress', 'a');
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect((await store.get('progress', 'a'))!.timeSpentSec).toBe(0);
        expect(await store.get('progress', 'b')).toBeUndefined();
        expect(await store.get('counters', 'n')).toBeUndefined();
        expect(await ids('userId', 'u-b')).toEqual([]);
      });

      it('applies nothing when an async fn rejects after writing', async () => {
        await expect(
          store.transact(async (tx) => {
            tx.put('counters', { id: 'n', value: 1 });
            await new Promise((resolve) => setImmediate(resolve));
            throw new Error('plus tard');
          }),
        ).rejects.toThrow('plus tard');
        expect(await store.count('counters')).toBe(0);
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
        expect(await ids('userId', 'alice')).toEqual(['c']);
        expect(await ids('userId', 'bob')).toEqual(['a']);
      });

      it('keeps invariants under concurrency: 50 concurrent read-modify-write increments give 50', async () => {
        await Promise.all(Array.from({ length: 50 }, () => increment('n')));
        expect((await store.get('counters', 'n'))?.value).toBe(50);
      });

      it('lets concurrent transactions succeed while one of them fails, and applies only theirs', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            i === 4
              ? store.transact(async (tx) => {
                  tx.put('counters', { id: 'n', value: 1000 });
                  throw new Error('échec');
                })
              : increment('n'),
          ),
        );
        expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
        expect((await store.get('counters', 'n'))?.value).toBe(9);
      });

      it('resolves with the value returned by fn, also for a transaction that only reads', async () => {
        await store.transact((tx) => tx.put('counters', { id: 'n', value: 3 }));
        expect(await store.transact(async (tx) => (await tx.get('counters', 'n'))?.value)).toBe(3);
      });

      it('refuses a tx used after its function returned', async () => {
        let leaked: Tx<typeof collections> | undefined;
        await store.transact((tx) => {
          leaked = tx;
        });
        expect(() => leaked!.put('counters', { id: 'late', value: 1 })).toThrow(/Transaction terminée/);
      });
    });

    describe('closing', () => {
      it('rejects every call once closed, with StoreUnavailableError', async () => {
        await store.transact((tx) => tx.put('progress', progress('a')));
        await store.close();
        await expect(store.get('progress', 'a')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.findBy('progress', 'userId', 'u-a')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.count('progress')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect((async () => collect(store.all('progress')))()).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.transact(() => 1)).rejects.toBeInstanceOf(StoreUnavailableError);
      });

      it('lets the transactions started before close() finish instead of failing them', async () => {
        const pending = Array.from({ length: 5 }, () => increment('n'));
        await store.close();
        const settled = await Promise.allSettled(pending);
        expect(settled.map((result) => result.status)).toEqual(Array(5).fill('fulfilled'));
      });
    });
  });
}
