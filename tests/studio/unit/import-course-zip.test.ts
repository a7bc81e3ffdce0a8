import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseInvalidError, DraftExistsError, ZipRefusedError } from '../../../server/studio/errors.ts';
import { importCourseZip } from '../../../server/studio/use-cases/import-course-zip.ts';
import { fixtureCourseEntries, listTree, makeZip, type ZipEntry } from '../studio-test-app.ts';
import { openStudioContexts, trainer } from '../studio-test-context.ts';

const open = openStudioContexts();

async function zipFile(dir: string, entries: ZipEntry[]): Promise<string> {
  const file = path.join(dir, 'upload.zip');
  await writeFile(file, await makeZip(entries));
  return file;
}

describe('importCourseZip', () => {
  it('installs the archive’s course folder as a draft under the chosen address', async () => {
    const { ctx, dataDir, draftsDir } = await open();
    const zip = await zipFile(dataDir, await fixtureCourseEntries('cours'));
    const input = { zipFile: zip, originalName: 'cours.zip', slug: 'copie', replaceDraft: false };
    expect(await importCourseZip(ctx, input, trainer)).toEqual({ slug: 'copie', existed: false });
    expect(await listTree(path.join(draftsDir, 'copie'))).toContain('01-premier.md');
  });

  it('replaces an existing draft only when asked to', async () => {
    const { ctx, dataDir, draftsDir } = await open();
    const entries = await fixtureCourseEntries('demo');
    const first = { zipFile: await zipFile(dataDir, entries), originalName: 'demo.zip', slug: undefined };
    expect(await importCourseZip(ctx, { ...first, replaceDraft: false }, trainer)).toEqual({
      slug: 'demo',
      existed: true,
    });
    await writeFile(path.join(draftsDir, 'demo/course.md'), 'brouillon en cours');
    const again = { zipFile: await zipFile(dataDir, entries), originalName: 'demo.zip', slug: undefined };
    await expect(importCourseZip(ctx, { ...again, replaceDraft: false }, trainer)).rejects.toThrow(DraftExistsError);
    expect(await readFile(path.join(draftsDir, 'demo/course.md'), 'utf8')).toBe('brouillon en cours');
    await importCourseZip(ctx, { ...again, replaceDraft: true }, trainer);
    expect(await readFile(path.join(draftsDir, 'demo/course.md'), 'utf8')).toContain('titre:');
  });

  it('refuses an address outside the slug format, a file type the course format has not, and an invalid course', async () => {
    const { ctx, dataDir, draftsDir } = await open();
    const entries = await fixtureCourseEntries('cours');
    const refused = async (zipEntries: ZipEntry[], slug?: string) =>
      importCourseZip(
        ctx,
        { zipFile: await zipFile(dataDir, zipEntries), originalName: 'x.zip', slug, replaceDraft: false },
        trainer,
      ).catch((error: unknown) => error);
    expect(await refused(entries, 'Mon Cours')).toMatchObject({ messageKey: 'studio.zip.badSlug' });
    const script = await refused([...entries, { name: 'cours/script.js', data: 'alert(1)' }]);
    expect(script).toBeInstanceOf(ZipRefusedError);
    expect(script).toMatchObject({ messageKey: 'studio.zip.badType', params: { file: 'script.js' } });
    const invalid = await refused(entries.map((e) => (e.name === 'cours/course.md' ? { ...e, data: 'x' } : e)));
    expect(invalid).toBeInstanceOf(CourseInvalidError);
    expect((invalid as CourseInvalidError).issues.length).toBeGreaterThan(0);
    expect(await listTree(draftsDir)).toEqual([]);
  });
});
