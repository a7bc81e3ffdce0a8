import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hasTrace, scrub, type Traces } from '../traces.ts';

const textFile = /\.(md|txt|ya?ml|json|csv)$/i;

/**
 * Studio drafts are files a trainer may have written a name into (a case study, an author list): the
 * text files under the drafts folder lose every trace of an erased person. Images are left as they are.
 */
export async function scrubDraftFiles(draftsDir: string | undefined, traces: Traces, mark: string): Promise<number> {
  if (!draftsDir) return 0;
  const entries = await readdir(draftsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  let changed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !textFile.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (!hasTrace(text, traces)) continue;
    await writeFile(file, scrub(text, traces, mark));
    changed += 1;
  }
  return changed;
}
