import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A hidden scratch folder inside `parent` (so renames out of it stay on one file system, and the catalog
 * and draft listings skip it), removed when `fn` ends, whatever happens.
 */
export async function withStageDir<T>(parent: string, label: string, fn: (stage: string) => Promise<T>): Promise<T> {
  await mkdir(parent, { recursive: true });
  const stage = path.join(parent, `.stage-${label}-${randomBytes(6).toString('hex')}`);
  await mkdir(stage);
  try {
    return await fn(stage);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
