import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { StudioMessageKey } from '../i18n/fr/studio.ts';
import { ZipRefusedError, ZipTooLargeError } from './errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
}

export const zipLimits: ZipLimits = {
  maxEntries: 500,
  maxTotalBytes: 20 * 1024 * 1024,
  maxEntryBytes: 5 * 1024 * 1024,
};

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;
type Params = Record<string, string | number>;
const refuse = (key: StudioMessageKey, params?: Params) => new ZipRefusedError(key, params);
const tooLarge = (key: StudioMessageKey, params?: Params) => new ZipTooLargeError(key, params);

/** yauzl's own refusals, in words a trainer understands. */
function explain(error: Error): Error {
  if (error instanceof ZipRefusedError || error instanceof ZipTooLargeError) return error;
  const m = error.message;
  if (/invalid relative path/.test(m)) return refuse('studio.zip.parentPath');
  if (/absolute path/.test(m)) return refuse('studio.zip.absolutePath');
  if (/invalid characters in fileName/.test(m)) return refuse('studio.zip.backslash');
  if (/bytes in the stream/.test(m)) return refuse('studio.zip.sizeMismatch');
  if (/encrypted/i.test(m)) return refuse('studio.zip.encrypted');
  return refuse('studio.zip.unreadable');
}

/**
 * Extracts a zip into an empty folder, refusing (before or while extracting) anything that could escape
 * the folder or fill the disk: `..`, absolute paths, backslashes, links and special files, too many
 * entries, too large entries. Sizes are checked as declared and again on the bytes actually inflated,
 * because a zip bomb declares small sizes. Hidden files and `__MACOSX/` are skipped.
 * Returns the extracted files (relative POSIX paths). On refusal the caller removes the folder.
 */
export async function extractZip(zipFile: string, targetDir: string, limits: ZipLimits = zipLimits): Promise<string[]> {
  await mkdir(targetDir, { recursive: true });
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(
      zipFile,
      { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true, decodeStrings: true },
      (error, opened) => (error ? reject(explain(error)) : resolve(opened)),
    );
  });
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw tooLarge('studio.zip.tooManyFiles', { count: zip.entryCount, max: limits.maxEntries });
  }
  const files: string[] = [];
  let declaredTotal = 0;
  let actualTotal = 0;

  return new Promise<string[]>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(explain(error));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(files);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      handleEntry(entry).then(
        () => zip.readEntry(),
        (error: Error) => fail(error),
      );
    });
    zip.readEntry();

    async function handleEntry(entry: yauzl.Entry): Promise<void> {
      const name = entry.fileName;
      // yauzl already refuses these (strictFileNames); checked again so this function stands on its own.
      if (name.includes('\\')) throw refuse('studio.zip.backslash');
      // Invisible and direction-changing characters (U+202E…) make a name display as another one.
      if (/[\p{Cc}\p{Cf}]/u.test(name)) throw refuse('studio.zip.invisibleCharacter');
      if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw refuse('studio.zip.absoluteEntry', { name });
      const parts = name.split('/').filter((p, i, all) => p !== '' || i < all.length - 1);
      if (parts.some((p) => p === '..' || p === '.' || p === '')) throw refuse('studio.zip.forbiddenPath', { name });
      if (parts.length > 8) throw refuse('studio.zip.tooDeep', { name });
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000) throw refuse('studio.zip.symlink', { name });
      const isDir = name.endsWith('/');
      if (mode !== 0 && mode !== (isDir ? 0o040000 : 0o100000)) throw refuse('studio.zip.special', { name });
      if (entry.isEncrypted()) throw refuse('studio.zip.encrypted');
      if (parts[0] === '__MACOSX' || parts.some((p) => p.startsWith('.'))) return;

      const target = path.resolve(targetDir, ...parts);
      if (!target.startsWith(targetDir + path.sep)) throw refuse('studio.zip.forbiddenPath', { name });
      if (isDir) {
        await mkdir(target, { recursive: true });
        return;
      }
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw tooLarge('studio.zip.entryTooLarge', { name, max: mb(limits.maxEntryBytes) });
      }
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        throw tooLarge('studio.zip.totalTooLarge', { max: mb(limits.maxTotalBytes) });
      }
      if (files.includes(parts.join('/'))) throw refuse('studio.zip.duplicate', { name });
      await mkdir(path.dirname(target), { recursive: true });
      const stream = await new Promise<NodeJS.ReadableStream>((res, rej) =>
        zip.openReadStream(entry, (error, s) => (error ? rej(error) : res(s))),
      );
      let entryBytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          entryBytes += chunk.length;
          actualTotal += chunk.length;
          if (entryBytes > limits.maxEntryBytes) {
            return callback(tooLarge('studio.zip.entryBomb', { name }));
          }
          if (actualTotal > limits.maxTotalBytes) {
            return callback(tooLarge('studio.zip.totalBomb', { max: mb(limits.maxTotalBytes) }));
          }
          callback(null, chunk);
        },
      });
      await pipeline(stream, counter, createWriteStream(target, { flags: 'wx' }));
      files.push(parts.join('/'));
    }
  });
}
