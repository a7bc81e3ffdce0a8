import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../server/shared/fs/write-file-atomic.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces a file’s content and leaves no temp file behind', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-fs-'));
    const file = path.join(dir, 'module.md');
    await writeFile(file, 'avant');
    await writeFileAtomic(file, 'après');
    expect(await readFile(file, 'utf8')).toBe('après');
    expect(await readdir(dir)).toEqual(['module.md']);
  });

  it('fails without leaving a temp file when the folder does not exist', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-fs-'));
    await expect(writeFileAtomic(path.join(dir, 'absent/module.md'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
