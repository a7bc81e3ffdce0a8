import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../../server/store/errors.ts';
import { nodeStoreFs, type StoreFs } from '../../server/store/journal/store-fs.ts';
import { makeTempDir, openTestStore, progress } from './fixtures/collections.ts';

// The store reads its snapshot row by row (snapshot-stream.ts) whatever the JSON layout of the file and
// wherever the pieces it reads end: a data directory written by hand, by lowdb or by an older version
// must open with the same rows.
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('snapshot-stream-'));
});
afterEach(async () => {
  await cleanup();
});

const tricky = progress('a', { module: 'un ] } { [ " \\ \u2019 module', completedAt: '2025-02-01T10:00:00.000Z' });
const rows = [tricky, progress('b'), progress('c', { timeSpentSec: 1234 })];
const header = { schemaVersion: 1, generation: 1, seq: 0 };
const collectionsData = {
  progress: rows,
  counters: [],
  profiles: [{ id: 'p', tags: ['x', 'y'], prefs: { lang: 'fr' } }],
};

/** Pieces of `size` bytes, so that values are cut anywhere. */
function tinyPieces(size: number): StoreFs {
  return {
    ...nodeStoreFs,
    async *readChunks(file) {
      const content = await nodeStoreFs.readFile(file);
      for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
    },
  };
}

async function openedRows(text: string, fs: StoreFs = nodeStoreFs) {
  await writeFile(path.join(dir, 'snapshot.json'), text, { mode: 0o600 });
  const store = await openTestStore(dir, { fs });
  try {
    const found = [];
    for await (const row of store.all('progress')) found.push(row);
    return { progress: found, profile: await store.get('profiles', 'p') };
  } finally {
    await store.close();
  }
}

describe('a snapshot read row by row', () => {
  it.each([
    ['on one line', JSON.stringify({ ...header, collections: collectionsData })],
    ['indented', JSON.stringify({ ...header, collections: collectionsData }, null, 2)],
    ['with the header after the rows', JSON.stringify({ collections: collectionsData, ...header })],
    ['with an unknown field', JSON.stringify({ ...header, note: { a: [1, '}'] }, collections: collectionsData })],
  ])('opens a snapshot written %s with every row', async (_, text) => {
    const found = await openedRows(text);
    expect(found.progress).toEqual(rows);
    expect(found.profile).toEqual(collectionsData.profiles[0]);
  });

  it('finds the same rows wherever the pieces read end', async () => {
    const text = `${JSON.stringify({ ...header, collections: collectionsData }, null, 1)}\n`;
    for (const size of [1, 2, 3, 7, 64]) expect((await openedRows(text, tinyPieces(size))).progress).toEqual(rows);
  });

  it.each([
    ['cut inside a row', (text: string) => text.slice(0, text.indexOf('"b"') + 2), /fin du fichier inattendue/],
    ['cut between rows', (text: string) => text.slice(0, text.indexOf('{"id":"b"')), /fin du fichier inattendue/],
    ['with a missing comma', (text: string) => text.replace('},{"id":"b"', '}{"id":"b"'), /« \{ » inattendu/],
    ['followed by text', (text: string) => `${text} x`, /texte après la fin/],
    ['whose collections are a list', () => JSON.stringify({ ...header, collections: [] }), /doit être un objet/],
    ['without its header', () => JSON.stringify({ collections: collectionsData }), /« schemaVersion » absent/],
  ])('refuses a snapshot %s with a French StoreCorruptError', async (_, damage, message) => {
    const error = await openedRows(damage(JSON.stringify({ ...header, collections: collectionsData }))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(message);
  });
});
