// The journal's line format: one JSON object per committed transaction, newline-terminated.
//   {"seq":42,"ops":[{"c":"progress","put":{"id":"p1",…}},{"c":"progress","del":"p0"}]}
// `seq` increases by one per record across generations, so a lost or repeated line is detected on load.
// Bytes after the last newline are a torn append (a crash mid-write): they were never acknowledged.
import { StoreCorruptError } from '../errors.ts';

export type JournalOp = { c: string; put: { id: string } } | { c: string; del: string };

export interface JournalRecord {
  seq: number;
  ops: JournalOp[];
}

export function encodeJournalRecord(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export interface ParsedJournal {
  records: JournalRecord[];
  /** Length of the complete lines: where the next append must start. */
  goodLength: number;
  /** Bytes after the last newline (a torn append), 0 when the file ends cleanly. */
  tornBytes: number;
}

const NEWLINE = 0x0a;

export function parseJournal(file: string, content: Buffer): ParsedJournal {
  const records: JournalRecord[] = [];
  let start = 0;
  let line = 0;
  while (start < content.length) {
    const end = content.indexOf(NEWLINE, start);
    if (end === -1) break;
    line++;
    records.push(parseLine(file, line, content.toString('utf8', start, end)));
    start = end + 1;
  }
  return { records, goodLength: start, tornBytes: content.length - start };
}

function parseLine(file: string, line: number, text: string): JournalRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(file, `ligne ${line} : JSON invalide (${(error as Error).message})`);
  }
  if (!isRecord(value)) {
    throw new StoreCorruptError(file, `ligne ${line} : enregistrement de journal mal formé`);
  }
  return value;
}

function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, ops } = value as Partial<JournalRecord>;
  return Number.isSafeInteger(seq) && Array.isArray(ops) && ops.every(isOp);
}

function isOp(op: unknown): op is JournalOp {
  if (typeof op !== 'object' || op === null) return false;
  const { c, put, del } = op as { c?: unknown; put?: unknown; del?: unknown };
  if (typeof c !== 'string') return false;
  if (put !== undefined) {
    return typeof put === 'object' && put !== null && typeof (put as { id?: unknown }).id === 'string';
  }
  return typeof del === 'string';
}

/** Applies records to raw rows (no validation): used by migrations and by backups, which have no schemas. */
export function replayRaw(
  data: Record<string, readonly unknown[]>,
  records: Iterable<JournalRecord>,
): Record<string, unknown[]> {
  const maps = new Map<string, Map<string, unknown>>();
  const table = (coll: string) => {
    let map = maps.get(coll);
    if (!map) {
      map = new Map();
      maps.set(coll, map);
    }
    return map;
  };
  for (const [coll, rows] of Object.entries(data)) {
    const map = table(coll);
    for (const row of rows) map.set(String((row as { id?: unknown } | null)?.id), row);
  }
  for (const record of records) {
    for (const op of record.ops) {
      if ('put' in op) table(op.c).set(op.put.id, op.put);
      else table(op.c).delete(op.del);
    }
  }
  return Object.fromEntries(Array.from(maps, ([coll, map]) => [coll, Array.from(map.values())]));
}
