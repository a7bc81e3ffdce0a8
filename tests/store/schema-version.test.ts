import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreMigrationError, StoreVersionError } from '../../server/store/errors.ts';
import { openJournalStore } from '../../server/store/journal/open-journal-store.ts';
import { defineCollection } from '../../server/store/store.ts';
import { makeTempDir, readAllFiles } from './fixtures/collections.ts';

// Version 1 stored a learner's name in one field; version 2 splits it.
const LearnerV1 = z.strictObject({ id: z.string(), name: z.string() });
const LearnerV2 = z.strictObject({ id: z.string(), firstName: z.string(), lastName: z.string() });
const v1 = { learners: defineCollection(LearnerV1) };
const v2 = { learners: defineCollection(LearnerV2) };
const splitNames = {
  1: (data: { learners: { id: string; name: string }[] }) => ({
    learners: data.learners.map(({ id, name }) => {
      const [firstName = '', ...rest] = name.split(' ');
      return { id, firstName, lastName: rest.join(' ') };
    }),
  }),
};

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('version-'));
  // Version-1 data: one row in the snapshot, two in the journal (one of them updated later).
  const store = await openJournalStore({ dir, collections: v1, schemaVersion: 1 });
  await store.transact((tx) => tx.put('learners', { id: 'l1', name: 'Ada Lovelace' }));
  await store.compact();
  await store.transact((tx) => tx.put('learners', { id: 'l2', name: 'Grace Hopper' }));
  await store.transact((tx) => tx.put('learners', { id: 'l3', name: 'Alan Turing' }));
  await store.transact((tx) => tx.put('learners', { id: 'l2', name: 'Grace Brewster Hopper' }));
  await store.close();
});

afterEach(async () => {
  await cleanup();
});

async function openFails(open: () => Promise<{ close(): Promise<void> }>): Promise<unknown> {
  return open().then(
    async (store) => {
      await store.close();
      throw new Error('the store opened');
    },
    (error: unknown) => error,
  );
}

describe('schema versions', () => {
  it('refuses data written by a newer version with a French StoreVersionError naming the file, and leaves it untouched', async () => {
    const future = await openJournalStore({
      dir,
      collections: v2,
      schemaVersion: 3,
      migrations: { ...splitNames, 2: (d) => d },
    });
    await future.close();
    const before = await readAllFiles(dir);
    const error = await openFails(() =>
      openJournalStore({ dir, collections: v2, schemaVersion: 2, migrations: splitNames }),
    );
    expect(error).toBeInstanceOf(StoreVersionError);
    expect((error as StoreVersionError).message).toContain(path.join(dir, 'snapshot.json'));
    expect((error as StoreVersionError).message).toMatch(/version plus récente.*schéma 3.*jusqu’au schéma 2/);
    expect(await readAllFiles(dir)).toEqual(before);
  });

  it('migrates older data, journal records included, and writes a snapshot of the new version before anything else', async () => {
    const store = await openJournalStore({ dir, collections: v2, schemaVersion: 2, migrations: splitNames });
    expect(await store.get('learners', 'l1')).toEqual({ id: 'l1', firstName: 'Ada', lastName: 'Lovelace' });
    expect(await store.get('learners', 'l2')).toEqual({ id: 'l2', firstName: 'Grace', lastName: 'Brewster Hopper' });
    expect(await store.count('learners')).toBe(3);
    const snapshot = JSON.parse(await readFile(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(snapshot.schemaVersion).toBe(2);
    // The version-1 journals were folded into that snapshot and removed.
    const journals = (await readdir(dir)).filter((name) => name.startsWith('journal-'));
    expect(journals).toEqual([`journal-${String(snapshot.generation).padStart(6, '0')}.jsonl`]);
    expect(await readFile(path.join(dir, journals[0]!), 'utf8')).toBe('');
    await store.transact((tx) => tx.put('learners', { id: 'l4', firstName: 'Katherine', lastName: 'Johnson' }));
    await store.close();

    // Reopened without migrations: nothing left to migrate.
    const again = await openJournalStore({ dir, collections: v2, schemaVersion: 2 });
    expect(await again.count('learners')).toBe(4);
    await again.close();
  });

  it('stops with StoreMigrationError when a migration is missing, leaving the files untouched', async () => {
    const before = await readAllFiles(dir);
    const error = await openFails(() => openJournalStore({ dir, collections: v2, schemaVersion: 2 }));
    expect(error).toBeInstanceOf(StoreMigrationError);
    expect((error as Error).message).toMatch(/aucune migration n’est définie de 1 vers 2/);
    expect(await readAllFiles(dir)).toEqual(before);
  });

  it('stops when a migration produces rows the new schema rejects, leaving the files untouched', async () => {
    const before = await readAllFiles(dir);
    const broken = { 1: (data: { learners: unknown[] }) => data };
    const error = await openFails(() =>
      openJournalStore({ dir, collections: v2, schemaVersion: 2, migrations: broken }),
    );
    expect(error).toBeInstanceOf(StoreMigrationError);
    expect((error as Error).message).toMatch(/données invalides au schéma 2/);
    expect(await readAllFiles(dir)).toEqual(before);
  });

  it('stops when a migration throws, leaving the files untouched', async () => {
    const before = await readAllFiles(dir);
    const throwing = {
      1: () => {
        throw new Error('boum');
      },
    };
    const error = await openFails(() =>
      openJournalStore({ dir, collections: v2, schemaVersion: 2, migrations: throwing }),
    );
    expect(error).toBeInstanceOf(StoreMigrationError);
    expect((error as Error).message).toMatch(/boum/);
    expect(await readAllFiles(dir)).toEqual(before);
  });
});
