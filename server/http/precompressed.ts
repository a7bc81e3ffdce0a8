// The compressed copies of a static file, made once at the highest settings: brotli 11 costs ~10 ms per
// 10 KB, so they are kept between starts in a cache folder, each under the SHA-256 of the file it was made
// from. A kept copy is used only when it decompresses to the very bytes of the file: whatever happened to
// the folder (a torn write, another file's copy), a start never serves anything else.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

const encodings = {
  br: {
    compress: (content: Buffer) =>
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    decompress: (body: Buffer) => brotliDecompressSync(body),
  },
  gzip: {
    compress: (content: Buffer) => gzipSync(content, { level: constants.Z_BEST_COMPRESSION }),
    decompress: (body: Buffer) => gunzipSync(body),
  },
};

export type Encoding = keyof typeof encodings;

/** Makes (or finds in `cacheDir`) a file's compressed copy; `used` collects the cache's file names kept. */
export function precompressed(
  content: Buffer,
  sha256: string,
  encoding: Encoding,
  cache: { dir: string; used: Set<string> } | undefined,
): Buffer {
  const { compress, decompress } = encodings[encoding];
  if (!cache) return compress(content);
  const name = `${sha256}.${encoding}`;
  const file = path.join(cache.dir, name);
  cache.used.add(name);
  try {
    const kept = readFileSync(file);
    if (decompress(kept).equals(content)) return kept;
  } catch {
    // Missing or not decompressible: made again below.
  }
  const body = compress(content);
  try {
    mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, body, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written costs the next start these few milliseconds again.
  }
  return body;
}

/** Removes the copies of files that are gone or changed. */
export function pruneCompressedCopies(cache: { dir: string; used: Set<string> }): void {
  const names = (() => {
    try {
      return readdirSync(cache.dir);
    } catch {
      return [];
    }
  })();
  for (const name of names.filter((n) => !cache.used.has(n))) rmSync(path.join(cache.dir, name), { force: true });
}
