import { appendFile, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../../server/store/errors.ts';
import { makeTempDir, openTestStore, progress, readAllFiles } from './fixtures/collections.ts';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('corrupt-'));
  // Two rows in the snapshot, three journal lines.
  const store = await openTestStore(dir);
  await store.transact((tx) => tx.put('progress', progress('s1')));
  await store.transact((tx) => tx.put('progress', progress('s2')));
  await store.compact();
  for (const id of ['j1', 'j2', 'j3']) await store.transact((tx) => tx.put('progress', progress(id)));
  await store.close();
});

afterEach(async () => {
  await cleanup();
});

const snapshotFile = () => path.join(dir, 'snapshot.json');
async function journalFile(): Promise<string> {
  const name = (await readdir(dir)).find((n) => n.startsWith('journal-'))!;
  return path.join(dir, name);
}

/** Opening must fail with `error` and leave every file exactly as it was. */
async function expectRefusedUntouched(matcher: RegExp): Promise<StoreCorruptError> {
  const before = await readAllFiles(dir);
  const error = await openTestStore(dir).then(
    async (store) => {
      await store.close();
      throw new Error('the store opened');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreCorruptError);
  expect((error as Error).message).toMatch(matcher);
  expect(await readAllFiles(dir)).toEqual(before);
  return error as StoreCorruptError;
}

describe('a corrupt snapshot', () => {
  it('stops loading with a French StoreCorruptError naming the file, and writes nothing', async () => {
    const content = await readFile(snapshotFile(), 'utf8');
    await writeFile(snapshotFile(), content.slice(0, content.length / 2));
    const error = await expectRefusedUntouched(/illisible ou corrompu/);
    expect(error.file).toBe(snapshotFile());
    expect(error.message).toContain(snapshotFile());
    expect(error.message).toMatch(/JSON invalide/);
  });

  it('refuses an empty snapshot file', async () => {
    await writeFile(snapshotFile(), '');
    await expectRefusedUntouched(/vide/);
  });

  it('refuses a row that does not match its schema, naming the collection and the row', async () => {
    const content = await readFile(snapshotFile(), 'utf8');
    await writeFile(snapshotFile(), content.replace('"timeSpentSec":0', '"timeSpentSec":"beaucoup"'));
    await expectRefusedUntouched(/collection « progress », élément 1 : id « s1 »/);
  });

  it('refuses a collection the application does not declare', async () => {
    const content = await readFile(snapshotFile(), 'utf8');
    await writeFile(snapshotFile(), content.replace('"counters":[', '"inconnue":['));
    await expectRefusedUntouched(/collection inconnue « inconnue »/);
  });

  it('refuses a directory whose snapshot is missing while journals exist (never starts afresh over them)', async () => {
    await rename(snapshotFile(), path.join(dir, 'moved-away.json'));
    await expectRefusedUntouched(/absent alors que des journaux existent/);
  });
});

describe('the journal', () => {
  it('ignores a torn last line (crash mid-append) and cuts it off before appending', async () => {
    const file = await journalFile();
    const clean = await readFile(file, 'utf8');
    await appendFile(file, '{"seq":6,"ops":[{"c":"progress","put":{"id":"to');
    const store = await openTestStore(dir);
    expect(await store.count('progress')).toBe(5);
    expect(await readFile(file, 'utf8')).toBe(clean);
    await store.transact((tx) => tx.put('progress', progress('after')));
    await store.close();
    const reopened = await openTestStore(dir);
    expect(await reopened.count('progress')).toBe(6);
    await reopened.close();
  });

  it('refuses a corrupt line in the middle, naming the file and the line, and writes nothing', async () => {
    const file = await journalFile();
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = '{"seq":4,"ops":[{"c":"progress","put":{"id":"j2"#### garbage';
    await writeFile(file, lines.join('\n'));
    const error = await expectRefusedUntouched(/ligne 2 : JSON invalide/);
    expect(error.file).toBe(file);
  });

  it('refuses a line whose row breaks the schema', async () => {
    const file = await journalFile();
    await writeFile(file, (await readFile(file, 'utf8')).replace('"id":"j3","userId":"u-j3"', '"id":"j3","userId":""'));
    await expectRefusedUntouched(/ligne 3 : id « j3 »/);
  });

  it('refuses a journal with a missing line (its sequence numbers have a gap)', async () => {
    const file = await journalFile();
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(1, 1);
    await writeFile(file, lines.join('\n'));
    await expectRefusedUntouched(/ligne 2 : numéro 5, 4 attendu/);
  });

  it('refuses a missing journal generation', async () => {
    const first = await journalFile();
    // A later generation exists but the one the snapshot points at is gone.
    const next = first.replace(/journal-(\d+)/, (_, n: string) => `journal-${String(Number(n) + 1).padStart(6, '0')}`);
    await writeFile(next, '');
    await unlink(first);
    await expectRefusedUntouched(/journal manquant/);
  });

  it('refuses a torn line in a journal that is not the newest', async () => {
    const first = await journalFile();
    await appendFile(first, '{"seq":6,"op');
    const next = first.replace(/journal-(\d+)/, (_, n: string) => `journal-${String(Number(n) + 1).padStart(6, '0')}`);
    await writeFile(next, '');
    await expectRefusedUntouched(/ligne incomplète au milieu/);
  });
});
