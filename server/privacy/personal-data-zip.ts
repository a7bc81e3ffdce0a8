import { Readable } from 'node:stream';
import type { Catalog } from '../catalog/course.ts';
import type { Translate } from '../i18n/translate.ts';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';
import { csvStream } from './csv-stream.ts';
import { personalJson, personalTables } from './personal-data-tables.ts';
import type { PersonalData } from './queries.ts';

/** Loaded by the first export, not at start-up (decision 025). */
const yazl = loadOnFirstUse<typeof import('yazl')>('yazl');

/** The JSON document written one top-level section at a time, so a large account is never one big string. */
function jsonStream(document: Record<string, unknown>): Readable {
  return Readable.from(
    (function* () {
      const keys = Object.keys(document);
      yield '{\n';
      for (const [i, key] of keys.entries()) {
        const value = JSON.stringify(document[key], null, 2).replaceAll('\n', '\n  ');
        yield `  ${JSON.stringify(key)}: ${value}${i < keys.length - 1 ? ',' : ''}\n`;
      }
      yield '}\n';
    })(),
  );
}

/**
 * « Mes données » as a zip: a note, one readable JSON file and one CSV file per kind of data. Each file
 * is produced while the zip is sent (yazl streams its entries in order), never held whole in memory.
 */
export function personalDataZip(data: PersonalData, catalog: Catalog, t: Translate, now: Date): Readable {
  const { ZipFile } = yazl();
  const zip = new ZipFile();
  const mtime = now;
  zip.addBuffer(Buffer.from(t('privacy.export.readme', { date: now.toISOString() })), 'LISEZMOI.txt', { mtime });
  zip.addReadStream(jsonStream(personalJson(data, now) as Record<string, unknown>), 'mes-donnees.json', { mtime });
  for (const table of personalTables(data, catalog, t))
    zip.addReadStream(csvStream(t(table.columns).split(';'), table.rows), table.file, { mtime });
  zip.end();
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  return output;
}
