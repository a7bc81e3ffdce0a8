import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/shared/errors.ts';
import { ensureDraft } from '../../../server/studio/ensure-draft.ts';
import { TextTooLongError, UploadRefusedError, UploadTooLargeError } from '../../../server/studio/errors.ts';
import { saveCourseFile } from '../../../server/studio/use-cases/save-course-file.ts';
import { saveImage } from '../../../server/studio/use-cases/save-image.ts';
import { listTree, tinyPng } from '../studio-test-app.ts';
import { openStudioContexts } from '../studio-test-context.ts';

const open = openStudioContexts();

describe('saveCourseFile', () => {
  it('writes the text into a draft, with LF line ends, and leaves the published course as it was', async () => {
    const { ctx, draftsDir, coursesDir } = await open();
    const published = await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8');
    await saveCourseFile(ctx, 'demo', '01-premier.md', 'Brouillon\r\nen cours\r\n');
    expect(await readFile(path.join(draftsDir, 'demo/01-premier.md'), 'utf8')).toBe('Brouillon\nen cours\n');
    expect(await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(published);
  });

  it('refuses a text over 200 KB, a file that is not in the course and a name outside the format', async () => {
    const { ctx, draftsDir } = await open();
    await expect(saveCourseFile(ctx, 'demo', '01-premier.md', 'x'.repeat(201 * 1024))).rejects.toThrow(
      TextTooLongError,
    );
    expect(await listTree(draftsDir)).toEqual([]);
    await expect(saveCourseFile(ctx, 'demo', '05-absent.md', 'x')).rejects.toThrow(NotFoundError);
    await expect(saveCourseFile(ctx, 'demo', '../course.md', 'x')).rejects.toThrow(NotFoundError);
  });
});

describe('saveImage', () => {
  async function upload(dir: string, name: string, bytes: Buffer) {
    const file = path.join(dir, `upload-${name.length}`);
    await writeFile(file, bytes);
    return { path: file, filename: name, size: bytes.length, head: bytes.subarray(0, 16) };
  }

  it('moves the upload into the draft’s images under a simplified name, and says how to write it', async () => {
    const { ctx, draftsDir, dataDir } = await open();
    const image = await saveImage(ctx, 'demo', await upload(dataDir, 'Atelier Été.PNG', tinyPng));
    expect(image).toBe('images/atelier-ete.png');
    expect(await readFile(path.join(draftsDir, 'demo/images/atelier-ete.png'))).toEqual(tinyPng);
  });

  it('refuses a name that is not an image, an empty file, a content of another type and a file too large', async () => {
    const { ctx, dataDir, draftsDir } = await open();
    const refusal = (name: string, bytes: Buffer, size?: number) =>
      upload(dataDir, name, bytes).then((file) => saveImage(ctx, 'demo', { ...file, size: size ?? file.size }));
    await expect(refusal('dessin.svg', Buffer.from('<svg/>'))).rejects.toMatchObject({
      messageKey: 'studio.upload.badFormat',
    });
    await expect(refusal('sans-extension', tinyPng)).rejects.toMatchObject({ messageKey: 'studio.upload.noExtension' });
    await expect(refusal('vide.png', Buffer.alloc(0))).rejects.toThrow(UploadRefusedError);
    await expect(refusal('page.png', Buffer.from('<html>'))).rejects.toMatchObject({
      messageKey: 'studio.upload.badContent',
    });
    await expect(refusal('grande.png', tinyPng, 6 * 1024 * 1024)).rejects.toThrow(UploadTooLargeError);
    expect(await listTree(draftsDir)).toEqual([]);
  });
});

describe('ensureDraft', () => {
  it('copies the published course once, then returns the same draft', async () => {
    const { ctx, draftsDir, coursesDir } = await open();
    const draft = await ensureDraft(ctx, 'demo');
    expect(draft).toBe(path.join(draftsDir, 'demo'));
    expect(await listTree(draft)).toEqual(await listTree(path.join(coursesDir, 'demo')));
    await writeFile(path.join(draft, 'course.md'), 'modifié');
    expect(await ensureDraft(ctx, 'demo')).toBe(draft);
    expect(await readFile(path.join(draft, 'course.md'), 'utf8')).toBe('modifié');
    await expect(ensureDraft(ctx, 'inconnu')).rejects.toThrow(NotFoundError);
  });
});
