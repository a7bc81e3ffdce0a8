// One process owns a data directory. The lock file holds {"pid","procStart"}; it is created by
// linking a fully written temp file (link fails if the lock exists), so it is never seen half-written.
// A lock whose process is gone, is a zombie (state Z: killed but not yet reaped), or whose PID was
// reused by a process started at another time (procStart differs) is stale and taken over.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoreLockedError } from '../errors.ts';
import { storeFiles } from './store-files.ts';
import { isErrnoCode, type StoreFs, syncDir, writeAll } from './store-fs.ts';

export interface LockFile {
  readonly file: string;
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  procStart?: number;
}

// Locks held by this process: a PID equal to ours is only "us" if we really hold it (a container
// restarted with the same PID must not be refused by its previous life's lock).
const heldHere = new Set<string>();

export async function acquireLock(fs: StoreFs, dir: string): Promise<LockFile> {
  const file = storeFiles.lock(dir);
  const me: LockInfo = { pid: process.pid, procStart: procStat(process.pid)?.start };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(fs, dir, file, content)) {
      heldHere.add(file);
      return { file, release: () => release(fs, dir, file, content) };
    }
    const holder = await readLock(fs, file);
    if (holder === undefined) continue; // removed meanwhile: try again
    if (isAlive(holder.info, file)) throw new StoreLockedError(file, holder.info.pid);
    await takeOver(fs, file, holder.raw);
  }
  const holder = await readLock(fs, file);
  throw new StoreLockedError(file, holder?.info.pid ?? 0);
}

/** Temp and set-aside lock files left by processes that died while taking the lock. */
export function lockLeftovers(names: readonly string[]): string[] {
  return names.filter((name) => {
    const match = /^store\.lock\.(\d+)(?:[.-].*)?\.(tmp|stale)$/.exec(name);
    if (!match) return false;
    const pid = Number(match[1]);
    return pid !== process.pid && !isAlive({ pid }, '');
  });
}

async function tryCreate(fs: StoreFs, dir: string, file: string, content: string): Promise<boolean> {
  const temp = storeFiles.temp(file);
  const handle = await fs.open(temp, 'wx');
  try {
    await writeAll(handle, Buffer.from(content));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, file);
    await syncDir(fs, dir);
    return true;
  } catch (error) {
    if (isErrnoCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await fs.unlink(temp).catch(() => {});
  }
}

async function readLock(fs: StoreFs, file: string): Promise<{ raw: string; info: LockInfo } | undefined> {
  let raw: string;
  try {
    raw = (await fs.readFile(file)).toString('utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  return { raw, info: parseLock(raw) };
}

function parseLock(raw: string): LockInfo {
  try {
    const value = JSON.parse(raw) as Partial<LockInfo> | number;
    if (typeof value === 'number') return { pid: value };
    if (Number.isSafeInteger(value.pid)) return { pid: value.pid as number, procStart: value.procStart };
  } catch {
    // unreadable lock: treated as stale below (pid 0 is never alive)
  }
  return { pid: 0 };
}

function isAlive(info: LockInfo, file: string): boolean {
  if (info.pid <= 0) return false;
  if (info.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if (isErrnoCode(error, 'ESRCH')) return false;
    // EPERM: the process exists but belongs to another user
  }
  const stat = procStat(info.pid);
  if (stat === null) return false;
  if (stat === undefined) return true; // no /proc: trust kill(0)
  if (stat.state === 'Z' || stat.state === 'X') return false;
  if (info.procStart !== undefined && stat.start !== undefined && stat.start !== info.procStart) return false;
  return true;
}

/** null: no such process; undefined: /proc unavailable. */
function procStat(pid: number): { state: string; start: number | undefined } | null | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT') || isErrnoCode(error, 'ESRCH')) {
      try {
        readFileSync('/proc/self/stat');
        return null;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  // The command name (field 2) may contain spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const start = Number(fields[19]);
  return { state: fields[0] ?? '?', start: Number.isFinite(start) ? start : undefined };
}

// Rename the stale lock away, then check it is the one judged stale: if another process took it
// over in between, we moved its fresh lock, so put it back and report the directory as locked.
async function takeOver(fs: StoreFs, file: string, staleRaw: string): Promise<void> {
  const aside = `${file}.${process.pid}.stale`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return;
    throw error;
  }
  const moved = (await fs.readFile(aside)).toString('utf8');
  if (moved !== staleRaw) {
    await fs.link(aside, file).catch(() => {});
    await fs.unlink(aside).catch(() => {});
    throw new StoreLockedError(file, parseLock(moved).pid);
  }
  await fs.unlink(aside);
  await syncDir(fs, path.dirname(file));
}

async function release(fs: StoreFs, dir: string, file: string, content: string): Promise<void> {
  if (!heldHere.has(file)) return;
  heldHere.delete(file);
  const current = await fs.readFile(file).catch(() => undefined);
  if (current?.toString('utf8') !== content) return; // not ours any more: leave it
  await fs.unlink(file);
  await syncDir(fs, dir);
}
