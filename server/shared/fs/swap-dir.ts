import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './write-file-atomic.ts';

export interface DirSwap {
  /** Puts the previous folder back (the new one is removed). */
  rollback(): Promise<void>;
  /** Removes the previous folder for good. */
  commit(): Promise<void>;
}

/**
 * Replaces folder `final` by the complete folder `staged`. A folder cannot be replaced in one atomic
 * rename, so: old → hidden backup, staged → final. Readers see the old or the new folder, never a mix,
 * and the backup allows a rollback until `commit`.
 */
export async function swapDir(staged: string, final: string): Promise<DirSwap> {
  const parent = path.dirname(final);
  await mkdir(parent, { recursive: true });
  const exists = await stat(final).then(
    () => true,
    () => false,
  );
  const backup = exists
    ? path.join(parent, `.${path.basename(final)}.old-${randomBytes(6).toString('hex')}`)
    : undefined;
  if (backup) await rename(final, backup);
  try {
    await rename(staged, final);
  } catch (error) {
    if (backup) await rename(backup, final);
    throw error;
  }
  await fsyncDir(parent);
  return {
    async rollback() {
      const discarded = path.join(parent, `.${path.basename(final)}.discarded-${randomBytes(6).toString('hex')}`);
      await rename(final, discarded);
      if (backup) await rename(backup, final);
      await fsyncDir(parent);
      await rm(discarded, { recursive: true, force: true });
    },
    async commit() {
      if (backup) await rm(backup, { recursive: true, force: true });
    },
  };
}
