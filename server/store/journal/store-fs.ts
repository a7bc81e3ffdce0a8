// The few file operations the store performs, behind an interface so tests can inject failures
// (ENOSPC on the n-th write, EIO on fsync) without touching the real disk.
// What it creates is owner-only whatever the umask: the files hold password hashes and personal data.
import { createReadStream } from 'node:fs';
import * as fsp from 'node:fs/promises';

export const OWNER_ONLY_DIR = 0o700;
export const OWNER_ONLY_FILE = 0o600;

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
  /** flags as in node:fs: 'r', 'a', 'wx'…; a file it creates is owner-only (0600). */
  open(path: string, flags: string): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  /** The file in pieces of 64 KiB, for what need not hold all of it at once. */
  readChunks(path: string): AsyncIterable<Buffer>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  /** Fails with EEXIST when `to` exists: used to create the lock file atomically. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Creates the folder and its missing parents owner-only (0700); an existing folder is left as it is. */
  mkdir(path: string): Promise<void>;
  /** Permission bits of a file or folder (e.g. 0o644). */
  mode(path: string): Promise<number>;
  chmod(path: string, mode: number): Promise<void>;
}

export const nodeStoreFs: StoreFs = {
  async open(path, flags) {
    // The umask can only narrow the mode of a new file; one created here ('wx') gets exactly 0600.
    // Existing files are tightened when the store opens (restrictToOwner).
    const handle = await fsp.open(path, flags, OWNER_ONLY_FILE);
    if (flags.includes('x')) {
      await handle.chmod(OWNER_ONLY_FILE).catch(async (error: unknown) => {
        await handle.close().catch(() => {});
        throw error;
      });
    }
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
  readChunks: (path) => createReadStream(path, { highWaterMark: 1 << 16 }),
  readdir: (path) => fsp.readdir(path),
  rename: (from, to) => fsp.rename(from, to),
  link: (from, to) => fsp.link(from, to),
  unlink: (path) => fsp.unlink(path),
  mkdir: async (path) => {
    const created = await fsp.mkdir(path, { recursive: true, mode: OWNER_ONLY_DIR });
    if (created) await fsp.chmod(path, OWNER_ONLY_DIR); // exactly 0700, whatever the umask
  },
  mode: async (path) => (await fsp.stat(path)).mode & 0o777,
  chmod: (path, mode) => fsp.chmod(path, mode),
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
