import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyDir } from '../../../server/shared/fs/copy-dir.ts';
import { isDirectory } from '../../../server/shared/fs/is-directory.ts';
import { isFile } from '../../../server/shared/fs/is-file.ts';
import { withStageDir } from '../../../server/shared/fs/stage-dir.ts';
import { swapDir } from '../../../server/shared/fs/swap-dir.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-fs-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe('copyDir', () => {
  it('copies files and folders, leaving out hidden entries and links', async () => {
    const source = await folder('source', { 'a.md': 'A', 'images/b.png': 'B', '.a.md.tmp': 'temp' });
    await symlink('/etc/passwd', path.join(source, 'lien.txt'));
    const target = path.join(root, 'target');
    await copyDir(source, target, { durable: true });
    expect((await readdir(target, { recursive: true })).sort()).toEqual(['a.md', 'images', 'images/b.png']);
  });

  it('writes placeholders and skips what it is told to', async () => {
    const source = await folder('source', { 'a.md': 'A', 'b.md': 'B', 'images/c.png': 'C' });
    const target = path.join(root, 'target');
    await copyDir(source, target, {
      link: true,
      skip: (rel) => rel === 'b.md',
      placeholder: (rel) => rel.endsWith('.png'),
    });
    expect(await readFile(path.join(target, 'a.md'), 'utf8')).toBe('A');
    expect(await readFile(path.join(target, 'images/c.png'), 'utf8')).toBe('');
    expect(await isFile(path.join(target, 'b.md'))).toBe(false);
  });
});

describe('swapDir', () => {
  it('puts the new folder in place, and the old one back on rollback', async () => {
    const final = await folder('final', { 'a.md': 'ancien' });
    const staged = await folder('staged', { 'a.md': 'nouveau' });
    const swap = await swapDir(staged, final);
    expect(await readFile(path.join(final, 'a.md'), 'utf8')).toBe('nouveau');
    await swap.rollback();
    expect(await readFile(path.join(final, 'a.md'), 'utf8')).toBe('ancien');
    expect(await readdir(root)).toEqual(['final']);
  });

  it('removes the old folder for good on commit', async () => {
    const final = await folder('final', { 'a.md': 'ancien' });
    const swap = await swapDir(await folder('staged', { 'a.md': 'nouveau' }), final);
    await swap.commit();
    expect(await readdir(root)).toEqual(['final']);
    expect(await readFile(path.join(final, 'a.md'), 'utf8')).toBe('nouveau');
  });
});

describe('withStageDir', () => {
  it('gives a hidden scratch folder and removes it, even when the work fails', async () => {
    let stage = '';
    await expect(
      withStageDir(root, 'essai', async (dir) => {
        stage = dir;
        expect(path.basename(dir).startsWith('.')).toBe(true);
        expect(await isDirectory(dir)).toBe(true);
        throw new Error('échec');
      }),
    ).rejects.toThrow('échec');
    expect(await isDirectory(stage)).toBe(false);
  });
});

describe('isDirectory and isFile', () => {
  it('tell folders from files, and say no for what does not exist', async () => {
    const dir = await folder('dossier', { 'a.md': 'A' });
    expect([await isDirectory(dir), await isFile(dir)]).toEqual([true, false]);
    expect([await isDirectory(path.join(dir, 'a.md')), await isFile(path.join(dir, 'a.md'))]).toEqual([false, true]);
    expect([await isDirectory(path.join(root, 'absent')), await isFile(path.join(root, 'absent'))]).toEqual([
      false,
      false,
    ]);
  });
});
