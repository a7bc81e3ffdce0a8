import { stat } from 'node:fs/promises';

/** True when `file` is a regular file (links followed); false when it is anything else or missing. */
export function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
