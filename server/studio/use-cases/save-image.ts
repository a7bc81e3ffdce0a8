import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { imageExtensions, limits } from '../../catalog/limits.ts';
import { fsyncDir } from '../../shared/fs/write-file-atomic.ts';
import { slugify } from '../../shared/slugify.ts';
import { detectImageType, imageTypeOfExtension } from '../detect-image-type.ts';
import { ensureDraft } from '../ensure-draft.ts';
import { UploadRefusedError, UploadTooLargeError } from '../errors.ts';
import type { StudioContext } from '../studio-context.ts';
import type { UploadedFile } from '../uploaded-file.ts';

export const imageTooLarge = () =>
  new UploadTooLargeError('studio.upload.imageTooLarge', { mb: limits.assetBytes / 1024 / 1024 });

/**
 * Checks an uploaded image (extension, actual content, size) and moves it into the draft's `images/`
 * under a sanitised name (lowercase ASCII, digits, hyphens): no name can leave that folder. A file
 * of the same name is replaced. Returns the path to write in Markdown, e.g. `images/atelier.jpg`.
 */
export async function saveImage(ctx: StudioContext, slug: string, upload: UploadedFile): Promise<string> {
  const extension = path.extname(upload.filename).toLowerCase();
  const expected = imageTypeOfExtension(extension);
  if (!expected) {
    const formats = imageExtensions.join(', ');
    throw extension
      ? new UploadRefusedError('studio.upload.badFormat', { extension, formats })
      : new UploadRefusedError('studio.upload.noExtension', { formats });
  }
  if (upload.size === 0) throw new UploadRefusedError('studio.upload.empty');
  if (upload.size > limits.assetBytes) throw imageTooLarge();
  if (detectImageType(upload.head) !== expected)
    throw new UploadRefusedError('studio.upload.badContent', { extension });
  const name = `${slugify(path.basename(upload.filename, path.extname(upload.filename))) || 'image'}${extension}`;
  return ctx.lock.run(slug, async () => {
    const dir = path.join(await ensureDraft(ctx, slug), 'images');
    await mkdir(dir, { recursive: true });
    const target = path.join(dir, name);
    try {
      await rename(upload.path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // Data folder on two disks: copy next to the target, then rename (still never a partial image).
      const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      await copyFile(upload.path, temp);
      await rename(temp, target);
      await rm(upload.path, { force: true });
    }
    await fsyncDir(dir);
    return `images/${name}`;
  });
}
