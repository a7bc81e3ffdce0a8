import { readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { renderCourseNow } from '../../server/catalog/render-course-now.ts';
import { type BuiltCourse, buildCourse } from './course-builder.ts';

/** Two courses in one catalog, and a cache folder beside them. */
async function twoCourses(): Promise<{ built: BuiltCourse; cacheDir: string }> {
  const built = await buildCourse();
  onTestFinished(built.remove);
  await buildCourse(() => {}, { root: built.root, slug: 'autre' });
  return { built, cacheDir: path.join(built.root, '.cache') };
}

const load = (root: string, cacheDir: string, cacheVersion = 'v1') =>
  loadCatalog(root, root, { cacheDir, cacheVersion });

/** The course as plain data, every page rendered: what learners would be shown. */
const shown = async (root: string, slug: string) => {
  const { catalog } = await loadCatalog(root, root);
  return renderCourseNow(catalog.bySlug.get(slug)!);
};

/** Changes one byte of a file, keeping its size and its modification time: only its content tells. */
async function changeOneByte(file: string, from: string, to: string): Promise<void> {
  const before = await stat(file);
  const text = await readFile(file, 'utf8');
  expect(text.split(from)).toHaveLength(2);
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  await writeFile(file, text.replace(from, to));
  await utimes(file, before.atime, before.mtime);
}

describe('catalog cache', () => {
  it('serves unchanged courses from the cache, the same courses a check gives, kept owner-only', async () => {
    const { built, cacheDir } = await twoCourses();
    const first = await load(built.root, cacheDir);
    expect(first.fromCache).toBe(0);
    const again = await load(built.root, cacheDir);
    expect(again.fromCache).toBe(2);
    expect(again.issues).toEqual([]);
    expect(renderCourseNow(again.catalog.bySlug.get('demo')!)).toEqual(await shown(built.root, 'demo'));
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(cacheDir))
      expect((await stat(path.join(cacheDir, name))).mode & 0o777, name).toBe(0o600);
  });

  it.each([
    ['a module’s text', '01-premier.md', 'titre: Premier module', 'titre: Premier modulE'],
    ['a quiz', '01-premier.md', 'Que feriez-vous ?', 'Que feriez-vous !'],
    ['course.md', 'course.md', 'Un petit cours pour les tests.', 'Un petit cours pour les testS.'],
  ])('shows a one-byte change in %s at the next start', async (_what, file, from, to) => {
    const { built, cacheDir } = await twoCourses();
    await load(built.root, cacheDir);
    await changeOneByte(path.join(built.dir, file), from, to);
    const next = await load(built.root, cacheDir);
    expect(next.fromCache).toBe(1);
    const course = renderCourseNow(next.catalog.bySlug.get('demo')!);
    expect(course).toEqual(await shown(built.root, 'demo'));
    expect(JSON.stringify(course)).toContain(to.replace(/^titre: /, ''));
    // And the new text is what the cache holds from now on.
    const after = await load(built.root, cacheDir);
    expect(after.fromCache).toBe(2);
    expect(renderCourseNow(after.catalog.bySlug.get('demo')!)).toEqual(course);
  });

  it('gives a changed image a new content hash (attempts record it)', async () => {
    const { built, cacheDir } = await twoCourses();
    const before = (await load(built.root, cacheDir)).catalog.bySlug.get('demo')!.contentHash;
    await writeFile(path.join(built.dir, 'images/couverture.png'), 'not the same picture');
    const next = await load(built.root, cacheDir);
    expect(next.fromCache).toBe(1);
    expect(next.catalog.bySlug.get('demo')!.contentHash).not.toBe(before);
  });

  it('leaves a course out when a change breaks it, never serving its previous text', async () => {
    const { built, cacheDir } = await twoCourses();
    await load(built.root, cacheDir);
    await changeOneByte(path.join(built.dir, '01-premier.md'), "- (x) Je m'intéresse", "- ( ) Je m'intéresse");
    const next = await load(built.root, cacheDir);
    expect(next.catalog.courses.map((c) => c.slug)).toEqual(['autre']);
    expect(next.fromCache).toBe(1);
    expect(next.issues).toEqual([
      { file: 'demo/01-premier.md', line: 23, message: expect.stringMatching(/aucune bonne réponse/) },
    ]);
  });

  it.each([
    ['truncated', (file: string) => truncate(file, 200)],
    [
      'one byte changed (a title)',
      async (file: string) => {
        const bytes = await readFile(file);
        const at = bytes.indexOf('Premier module') + 3;
        bytes[at] = bytes[at]! ^ 1;
        await writeFile(file, bytes);
      },
    ],
    ['empty', (file: string) => writeFile(file, '')],
    ['not JSON', (file: string) => writeFile(file, '{"version":\n\u0000\u0001')],
    [
      'another course’s entry',
      async (file: string) => writeFile(file, await readFile(path.join(path.dirname(file), 'autre.json'))),
    ],
  ])('ignores an entry that is %s, checks the course again and rewrites it', async (_what, spoil) => {
    const { built, cacheDir } = await twoCourses();
    await load(built.root, cacheDir);
    await spoil(path.join(cacheDir, 'demo.json'));
    const next = await load(built.root, cacheDir);
    expect(next.fromCache).toBe(1);
    expect(next.issues).toEqual([]);
    expect(renderCourseNow(next.catalog.bySlug.get('demo')!)).toEqual(await shown(built.root, 'demo'));
    expect((await load(built.root, cacheDir)).fromCache).toBe(2);
  });

  it('uses no entry written by another version of the catalog code', async () => {
    const { built, cacheDir } = await twoCourses();
    await load(built.root, cacheDir, 'v1');
    expect((await load(built.root, cacheDir, 'v2')).fromCache).toBe(0);
    expect((await load(built.root, cacheDir, 'v2')).fromCache).toBe(2);
    expect((await load(built.root, cacheDir, 'v1')).fromCache).toBe(0);
  });

  it('forgets courses that are gone, and still loads the catalog when the cache cannot be written', async () => {
    const { built, cacheDir } = await twoCourses();
    await load(built.root, cacheDir);
    await rm(path.join(built.root, 'autre'), { recursive: true });
    await load(built.root, cacheDir);
    expect(await readdir(cacheDir)).toEqual(['demo.json']);

    const blocked = path.join(built.root, 'a-file');
    await writeFile(blocked, '');
    const { catalog, fromCache } = await load(built.root, path.join(blocked, 'cache'));
    expect(catalog.courses.map((c) => c.slug)).toEqual(['demo']);
    expect(fromCache).toBe(0);
  });
});
