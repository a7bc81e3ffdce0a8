import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { imageExtensions, limits } from '../catalog/limits.ts';
import { slugify } from '../shared/slugify.ts';
import { detectImageType, imageTypeOfExtension } from './detect-image-type.ts';
import { ensureDraft } from './ensure-draft.ts';
import type { ReceivedFile } from './receive-multipart.ts';
import type { StudioContext } from './studio-context.ts';
import { UploadRefusedError } from './studio-error.ts';
import { fsyncDir } from './write-file-atomic.ts';

export const imageTooLarge = () =>
  new UploadRefusedError(
    413,
    `image trop lourde : ${limits.assetBytes / 1024 / 1024} Mo au plus. Réduisez-la (par exemple en l’enregistrant en JPEG) puis réessayez.`,
  );

/**
 * Checks an uploaded image (extension, actual content, size) and moves it into the draft's `images/`
 * under a sanitised name (lowercase ASCII, digits, hyphens): no name can leave that folder. A file
 * of the same name is replaced. Returns the path to write in Markdown, e.g. `images/atelier.jpg`.
 */
export async function saveImage(ctx: StudioContext, slug: string, upload: ReceivedFile): Promise<string> {
  const extension = path.extname(upload.filename).toLowerCase();
  const expected = imageTypeOfExtension(extension);
  if (!expected) {
    throw new UploadRefusedError(
      400,
      `format non accepté (« ${extension || 'sans extension'} ») : envoyez une image ${imageExtensions.join(', ')}.`,
    );
  }
  if (upload.size === 0) throw new UploadRefusedError(400, 'le fichier envoyé est vide.');
  if (upload.size > limits.assetBytes) throw imageTooLarge();
  if (detectImageType(upload.head) !== expected) {
    throw new UploadRefusedError(
      400,
      `le contenu du fichier ne correspond pas à une image ${extension} : il est peut-être abîmé ou d’un autre type.`,
    );
  }
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
