// File layout of a data directory:
//   snapshot.json           the lowdb JSON file: { schemaVersion, generation: G, collections }
//   journal-<gen>.jsonl     one JSON line per transaction; replayed on top of the snapshot for gen >= G
//   store.lock              the PID of the owning process
// A snapshot with generation G contains every journal of generation < G, which may then be deleted.
import path from 'node:path';

const JOURNAL = /^journal-(\d{6,})\.jsonl$/;

export const storeFiles = {
  snapshot: (dir: string) => path.join(dir, 'snapshot.json'),
  lock: (dir: string) => path.join(dir, 'store.lock'),
  journal: (dir: string, generation: number) => path.join(dir, `journal-${String(generation).padStart(6, '0')}.jsonl`),
  /** A unique temporary name next to `file`, so two writers never share a temp file. */
  temp: (file: string) =>
    `${file}.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.tmp`,
  isTemp: (name: string) => name.endsWith('.tmp'),
  journalGeneration(name: string): number | undefined {
    const match = JOURNAL.exec(name);
    return match ? Number(match[1]) : undefined;
  },
  /** Generations of the journals in a directory listing, ascending. */
  journalGenerations(names: readonly string[]): number[] {
    return names
      .map((name) => storeFiles.journalGeneration(name))
      .filter((gen): gen is number => gen !== undefined)
      .sort((a, b) => a - b);
  },
};
