import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { imageExtensions } from '../catalog/limits.ts';
import { listAssetFiles } from './list-asset-files.ts';

/**
 * A zip of a course folder, files under `<slug>/` like in `courses/`: it can be imported elsewhere, unzipped
 * into a `courses/` folder or committed to git as is. Streamed, never held in memory.
 */
export async function courseZipStream(dir: string, slug: string): Promise<Readable> {
  const markdown = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.'))
    .map((e) => e.name);
  const files = [...markdown, ...(await listAssetFiles(dir))].sort();
  const zip = new yazl.ZipFile();
  for (const file of files) {
    // Images are already compressed: deflating them again only costs time.
    const compress = !imageExtensions.includes(path.extname(file).toLowerCase() as (typeof imageExtensions)[number]);
    zip.addFile(path.join(dir, ...file.split('/')), `${slug}/${file}`, { compress });
  }
  zip.end();
  const output = zip.outputStream as Readable;
  // A file removed while zipping is reported on the ZipFile: without a listener it would crash the process.
  zip.on('error', (error: Error) => output.destroy(error));
  return output;
}
