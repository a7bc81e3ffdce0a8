// Reads the journals that follow a snapshot, oldest first, and checks that they form one history: a
// torn (incomplete) last line only in the newest one, and `seq` going up by one from the snapshot's.
import { StoreCorruptError } from '../errors.ts';
import { type JournalRecord, parseJournal } from './journal-record.ts';
import { storeFiles } from './store-files.ts';
import { isErrnoCode, type StoreFs } from './store-fs.ts';

export interface ReadJournal {
  generation: number;
  file: string;
  records: JournalRecord[];
  /** End of the last complete line: where the next append must start. */
  goodLength: number;
  tornBytes: number;
}

/** `missing` names a journal that vanished while being read (a compaction deleted it meanwhile). */
export type ReadJournalsResult = { journals: ReadJournal[]; seq: number } | { missing: string };

export async function readJournals(
  fs: StoreFs,
  dir: string,
  generations: readonly number[],
  snapshotSeq: number,
): Promise<ReadJournalsResult> {
  const journals: ReadJournal[] = [];
  let seq = snapshotSeq;
  for (const [i, generation] of generations.entries()) {
    const file = storeFiles.journal(dir, generation);
    let content: Buffer;
    try {
      content = await fs.readFile(file);
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) return { missing: file };
      throw error;
    }
    const parsed = parseJournal(file, content);
    if (parsed.tornBytes > 0 && i < generations.length - 1) {
      throw new StoreCorruptError(file, 'ligne incomplète au milieu de l’historique (un journal plus récent existe)');
    }
    parsed.records.forEach((record, index) => {
      if (record.seq !== seq + 1) {
        throw new StoreCorruptError(file, `ligne ${index + 1} : numéro ${record.seq}, ${seq + 1} attendu`);
      }
      seq = record.seq;
    });
    journals.push({ generation, file, ...parsed });
  }
  return { journals, seq };
}
