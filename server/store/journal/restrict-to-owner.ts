// A data directory written by an older release or under a loose umask may be readable by other
// accounts of the machine. When the store opens it, the folder is set to 0700 and its store files to
// 0600; what was changed, or could not be, is reported so the operator knows why modes moved.
import path from 'node:path';
import { storeFiles } from './store-files.ts';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE, type StoreFs } from './store-fs.ts';

/** Returns one French sentence for the log when something was (or could not be) tightened. */
export async function restrictToOwner(fs: StoreFs, dir: string): Promise<string | undefined> {
  const names = (await fs.readdir(dir)).filter(
    (name) =>
      name === path.basename(storeFiles.snapshot(dir)) ||
      name === path.basename(storeFiles.lock(dir)) ||
      storeFiles.journalGeneration(name) !== undefined,
  );
  const targets = [
    { file: dir, mode: OWNER_ONLY_DIR },
    ...names.map((name) => ({ file: path.join(dir, name), mode: OWNER_ONLY_FILE })),
  ];
  const tightened: string[] = [];
  const failed: string[] = [];
  for (const { file, mode } of targets) {
    try {
      const current = await fs.mode(file);
      if ((current & 0o077) === 0) continue;
      await fs.chmod(file, mode);
      tightened.push(`${file} (${current.toString(8).padStart(4, '0')})`);
    } catch (error) {
      failed.push(`${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  if (tightened.length === 0 && failed.length === 0) return undefined;
  return [
    tightened.length > 0 &&
      `Droits d’accès resserrés au seul compte de Passerelle (dossier 0700, fichiers 0600) : ${tightened.join(', ')}.`,
    failed.length > 0 &&
      `Droits d’accès impossibles à resserrer (0700, 0600), à corriger à la main : ${failed.join(', ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}
