import { stat } from 'node:fs/promises';

/** True when `file` is a folder (links followed); false when it is anything else or missing. */
export function isDirectory(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
