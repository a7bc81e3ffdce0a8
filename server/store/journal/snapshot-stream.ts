// Reads a snapshot piece by piece: the header fields, then each row of each collection, parsed on its
// own. JSON.parse of the whole file (snapshot-adapter.ts) holds the file, its text and its parsed tree
// at once (~4× the file at 100k rows, most of the start-up peak of memory), and the tree it leaves
// behind fragments the heap the rows then live in. Here only ~1 MiB of the file is held at a time and
// each parsed row dies young. Any JSON layout is accepted (the file format does not change).
import { StoreCorruptError } from '../errors.ts';
import type { StoreFs } from './store-fs.ts';

export interface SnapshotHeader {
  schemaVersion: number;
  generation: number;
  seq: number;
}

export type SnapshotItem = { collection: string } | { collection: string; index: number; value: unknown };

export interface SnapshotStream {
  header: SnapshotHeader;
  /**
   * Each collection as it starts, then each of its rows, in file order; ends with the file, whose size
   * is then `bytes()`.
   */
  rows(): AsyncGenerator<SnapshotItem>;
  bytes(): number;
  /** Lets go of the file without reading the rest. */
  close(): Promise<void>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const END = -1;

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Opens `file` and reads its header (the fields before `collections`). null: no such file.
 * `'unordered'`: a header field comes after the rows, which only reading the whole file can handle.
 */
export async function openSnapshotStream(fs: StoreFs, file: string): Promise<SnapshotStream | null | 'unordered'> {
  const fail = (detail: string) => new StoreCorruptError(file, detail);
  let chunks: AsyncIterator<Buffer> | undefined;
  try {
    chunks = fs.readChunks(file)[Symbol.asyncIterator]();
    const reader = new ByteReader(chunks, fail);
    if (!(await reader.fill())) throw fail('le fichier est vide');
    const header: Partial<SnapshotHeader> = {};
    await reader.expect(OPEN_OBJECT);
    let next = await reader.skipSpace();
    while (next !== CLOSE_OBJECT) {
      const key = await reader.key();
      if (key === 'collections') {
        const complete = checkHeader(header, fail, false);
        if (!complete) {
          await chunks.return?.();
          return 'unordered';
        }
        return collectionsStream(reader, chunks, complete, fail);
      }
      (header as Record<string, unknown>)[key] = reader.parse(await reader.value());
      next = await reader.afterMember(CLOSE_OBJECT);
    }
    checkHeader(header, fail, true);
    throw fail('« collections » doit être un objet');
  } catch (error) {
    await chunks?.return?.();
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (error instanceof StoreCorruptError) throw error;
    throw fail(`lecture impossible (${(error as Error).message})`);
  }
}

/**
 * Throws on an invalid field, or a missing one when `required`; otherwise undefined when one is missing
 * (it may come later in the file).
 */
function checkHeader(
  header: Partial<SnapshotHeader>,
  fail: (detail: string) => Error,
  required: boolean,
): SnapshotHeader | undefined {
  const { schemaVersion, generation, seq } = header;
  const bad = (value: unknown, min: number) =>
    value === undefined ? required : !(Number.isSafeInteger(value) && (value as number) >= min);
  if (bad(schemaVersion, 1)) throw fail('« schemaVersion » absent ou invalide');
  if (bad(generation, 1)) throw fail('« generation » absent ou invalide');
  if (bad(seq, 0)) throw fail('« seq » absent ou invalide');
  if (schemaVersion === undefined || generation === undefined || seq === undefined) return undefined;
  return { schemaVersion, generation, seq };
}

function collectionsStream(
  reader: ByteReader,
  chunks: AsyncIterator<Buffer>,
  header: SnapshotHeader,
  fail: (detail: string) => Error,
): SnapshotStream {
  async function* rows() {
    try {
      yield* readRows();
    } catch (error) {
      if (error instanceof StoreCorruptError) throw error;
      throw fail(`lecture impossible (${(error as Error).message})`);
    } finally {
      await chunks.return?.();
    }
  }
  async function* readRows() {
    if ((await reader.skipSpace()) !== OPEN_OBJECT) throw fail('« collections » doit être un objet');
    reader.skip();
    let next = await reader.skipSpace();
    while (next !== CLOSE_OBJECT) {
      const collection = await reader.key();
      if ((await reader.skipSpace()) !== OPEN_ARRAY) throw fail(`la collection « ${collection} » doit être un tableau`);
      reader.skip();
      yield { collection };
      let index = 0;
      let item = await reader.skipSpace();
      while (item !== CLOSE_ARRAY) {
        yield { collection, index, value: reader.parse(await reader.value()) };
        index++;
        item = await reader.afterMember(CLOSE_ARRAY);
      }
      reader.skip();
      next = await reader.afterMember(CLOSE_OBJECT);
    }
    reader.skip();
    // The rest of the top-level object: fields after the rows are read and ignored.
    next = await reader.afterMember(CLOSE_OBJECT);
    while (next !== CLOSE_OBJECT) {
      await reader.key();
      reader.parse(await reader.value());
      next = await reader.afterMember(CLOSE_OBJECT);
    }
    reader.skip();
    if ((await reader.skipSpace()) !== END) throw fail('JSON invalide (texte après la fin de l’objet)');
  }
  return {
    header,
    rows,
    bytes: () => reader.bytesRead,
    close: async () => {
      await chunks.return?.();
    },
  };
}

/** A window on the file: `pos` is where the next token starts; bytes before it are dropped at the next fill. */
class ByteReader {
  #buffer: Buffer = Buffer.alloc(0);
  #pos = 0;
  bytesRead = 0;

  constructor(
    private readonly chunks: AsyncIterator<Buffer>,
    private readonly fail: (detail: string) => Error,
  ) {}

  /** Appends the next chunk; false at the end of the file. */
  async fill(): Promise<boolean> {
    const { value, done } = await this.chunks.next();
    if (done) return false;
    this.bytesRead += value.length;
    this.#buffer = Buffer.concat([this.#buffer.subarray(this.#pos), value]);
    this.#pos = 0;
    return true;
  }

  /** The byte at the next token (spaces skipped), END at the end of the file. */
  async skipSpace(): Promise<number> {
    for (;;) {
      while (this.#pos < this.#buffer.length) {
        const byte = this.#buffer[this.#pos]!;
        if (!isSpace(byte)) return byte;
        this.#pos++;
      }
      if (!(await this.fill())) return END;
    }
  }

  skip(): void {
    this.#pos++;
  }

  async expect(byte: number): Promise<void> {
    const found = await this.skipSpace();
    if (found !== byte) throw this.#unexpected(found);
    this.#pos++;
  }

  /** After an object member or array item: past its comma, the byte that starts the next one or `close`. */
  async afterMember(close: number): Promise<number> {
    const found = await this.skipSpace();
    if (found === close) return found;
    if (found !== COMMA) throw this.#unexpected(found);
    this.#pos++;
    const next = await this.skipSpace();
    if (next === close || next === END) throw this.#unexpected(next);
    return next;
  }

  /** An object key and its colon. */
  async key(): Promise<string> {
    if ((await this.skipSpace()) !== QUOTE) throw this.#unexpected(this.#buffer[this.#pos] ?? END);
    const key = this.parse(await this.value());
    await this.expect(COLON);
    return key as string;
  }

  /** The text of the JSON value starting at the next token, found by matching brackets outside strings. */
  async value(): Promise<string> {
    if ((await this.skipSpace()) === END) throw this.#unexpected(END);
    let depth = 0;
    let inString = false;
    let escaped = false;
    let i = this.#pos;
    for (;;) {
      const buffer = this.#buffer;
      for (; i < buffer.length; i++) {
        const byte = buffer[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) {
            inString = false;
            if (depth === 0) return this.#take(i + 1);
          }
        } else if (byte === QUOTE) inString = true;
        else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
        else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
          if (depth === 0) return this.#take(i); // a number or literal ends at its container's bracket
          depth--;
          if (depth === 0) return this.#take(i + 1);
        } else if (depth === 0 && (byte === COMMA || isSpace(byte))) return this.#take(i);
      }
      const offset = i - this.#pos;
      if (!(await this.fill())) {
        if (depth === 0 && !inString) return this.#take(this.#pos + offset);
        throw this.#unexpected(END);
      }
      i = this.#pos + offset;
    }
  }

  parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw this.fail(`JSON invalide (${(error as Error).message})`);
    }
  }

  #take(end: number): string {
    const text = this.#buffer.toString('utf8', this.#pos, end);
    this.#pos = end;
    return text;
  }

  #unexpected(byte: number): Error {
    return this.fail(
      byte === END
        ? 'JSON invalide (fin du fichier inattendue)'
        : `JSON invalide (« ${String.fromCharCode(byte)} » inattendu à l’octet ${this.bytesRead - (this.#buffer.length - this.#pos)})`,
    );
  }
}
