// The few file operations the store performs, behind an interface so tests can inject failures
// (ENOSPC on the n-th write, EIO on fsync) without touching the real disk.
import * as fsp from 'node:fs/promises';

export interface StoreFileHandle {
  /** Writes `data` at the current end (files are opened in append mode) or at `position`. */
  write(data: Uint8Array, position?: number): Promise<number>;
  /** fsync: data and metadata. */
  sync(): Promise<void>;
  /** fdatasync: enough for appends (the size needed to read the data back is flushed). */
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export interface StoreFs {
  /** flags as in node:fs: 'r', 'a', 'wx'… */
  open(path: string, flags: string): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  /** Fails with EEXIST when `to` exists: used to create the lock file atomically. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

export const nodeStoreFs: StoreFs = {
  async open(path, flags) {
    const handle = await fsp.open(path, flags);
    return {
      async write(data, position) {
        const { bytesWritten } = await handle.write(data, 0, data.byteLength, position ?? null);
        return bytesWritten;
      },
      sync: () => handle.sync(),
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      size: async () => (await handle.stat()).size,
      close: () => handle.close(),
    };
  },
  readFile: (path) => fsp.readFile(path),
  readdir: (path) => fsp.readdir(path),
  rename: (from, to) => fsp.rename(from, to),
  link: (from, to) => fsp.link(from, to),
  unlink: (path) => fsp.unlink(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
};

/** Writes all of `data`, looping over short writes (a disk filling up may accept only part of it). */
export async function writeAll(handle: StoreFileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const written = await handle.write(data.subarray(offset));
    if (written <= 0) throw Object.assign(new Error('écriture nulle'), { code: 'EIO' });
    offset += written;
  }
}

/** Makes a rename or a new file in `dir` durable. */
export async function syncDir(fs: StoreFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function isErrnoCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === code;
}
