import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ZipRefusedError } from './studio-error.ts';

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
const refuse = (message: string, status = 400) => new ZipRefusedError(status, `archive refusée : ${message}`);

/** yauzl's own refusals, in words a trainer understands. */
function explain(error: Error): ZipRefusedError {
  if (error instanceof ZipRefusedError) return error;
  const m = error.message;
  if (/invalid relative path/.test(m)) return refuse('un chemin contient « .. » (il sortirait du dossier du cours).');
  if (/absolute path/.test(m)) return refuse('un chemin est absolu (il commence par « / » ou une lettre de lecteur).');
  if (/invalid characters in fileName/.test(m)) return refuse('un chemin contient une barre oblique inverse « \\ ».');
  if (/bytes in the stream/.test(m)) {
    return refuse('la taille réelle d’un fichier ne correspond pas à celle annoncée (archive abîmée ou piégée).');
  }
  if (/encrypted/i.test(m)) return refuse('l’archive est protégée par un mot de passe.');
  return refuse('ce fichier n’est pas une archive zip lisible.');
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
    throw refuse(`trop de fichiers (${zip.entryCount}, au plus ${limits.maxEntries}).`, 413);
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
      if (name.includes('\\')) throw refuse('un chemin contient une barre oblique inverse « \\ ».');
      if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw refuse(`chemin absolu interdit (« ${name} »).`);
      const parts = name.split('/').filter((p, i, all) => p !== '' || i < all.length - 1);
      if (parts.some((p) => p === '..' || p === '.' || p === '')) throw refuse(`chemin interdit (« ${name} »).`);
      if (parts.length > 8) throw refuse(`dossiers trop imbriqués (« ${name} »).`);
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000)
        throw refuse(`« ${name} » est un lien symbolique ; seuls les fichiers et dossiers sont acceptés.`);
      const isDir = name.endsWith('/');
      if (mode !== 0 && mode !== (isDir ? 0o040000 : 0o100000))
        throw refuse(`« ${name} » n’est pas un fichier ordinaire.`);
      if (entry.isEncrypted()) throw refuse('l’archive est protégée par un mot de passe.');
      if (parts[0] === '__MACOSX' || parts.some((p) => p.startsWith('.'))) return;

      const target = path.resolve(targetDir, ...parts);
      if (!target.startsWith(targetDir + path.sep)) throw refuse(`chemin interdit (« ${name} »).`);
      if (isDir) {
        await mkdir(target, { recursive: true });
        return;
      }
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw refuse(`« ${name} » est trop gros (au plus ${mb(limits.maxEntryBytes)} par fichier).`, 413);
      }
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        throw refuse(`le contenu décompressé dépasse ${mb(limits.maxTotalBytes)}.`, 413);
      }
      if (files.includes(parts.join('/'))) throw refuse(`« ${name} » figure deux fois dans l’archive.`);
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
            return callback(refuse(`« ${name} » est trop gros une fois décompressé (archive piégée ?).`, 413));
          }
          if (actualTotal > limits.maxTotalBytes) {
            return callback(
              refuse(`le contenu décompressé dépasse ${mb(limits.maxTotalBytes)} (archive piégée ?).`, 413),
            );
          }
          callback(null, chunk);
        },
      });
      await pipeline(stream, counter, createWriteStream(target, { flags: 'wx' }));
      files.push(parts.join('/'));
    }
  });
}
