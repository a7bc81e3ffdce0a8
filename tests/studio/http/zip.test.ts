import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  download,
  expectStatus,
  fixtureCourseEntries,
  listTree,
  makeZip,
  openStudioApps,
  renameInZip,
  type StudioTestApp,
  studioAgent,
  tokenFrom,
  understateSizes,
  type ZipEntry,
} from '../studio-test-app.ts';

const open = openStudioApps();

type Agent = Awaited<ReturnType<typeof studioAgent>>['agent'];

/** Posts an archive to the import form and checks the status. */
async function importZip(
  agent: Agent,
  zip: Buffer,
  status: number,
  fields: Record<string, string> = {},
  name = 'cours.zip',
) {
  const token = await tokenFrom(agent, '/studio/import');
  let req = agent.post('/studio/import').field('_csrf', token);
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  return expectStatus(await req.attach('archive', zip, name), status);
}

/** Every file the studio could have written (empty scratch folders aside): a refusal must leave them as they were. */
async function snapshot(t: StudioTestApp) {
  const files = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  return { courses: await files(t.coursesDir), data: (await files(t.dataDir)).filter((f) => !f.startsWith('store')) };
}

const withCourse = async (extra: ZipEntry[], folder = 'importe') => [...(await fixtureCourseEntries(folder)), ...extra];

describe('studio: zip export and import', () => {
  it('imports an exported course under a new name, as a draft only', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const exported = await download(agent, '/studio/courses/demo/export/published');
    const res = await importZip(agent, exported, 303, { slug: 'demo-copie' });
    expect(res.headers.location).toBe('/studio/courses/demo-copie?notice=imported');
    expect(await listTree(path.join(t.draftsDir, 'demo-copie'))).toEqual(
      await listTree(path.join(t.coursesDir, 'demo')),
    );
    const page = await agent.get(res.headers.location!).expect(200);
    expect(page.text).toContain('Archive importée comme brouillon');
    expect(page.text).toContain('Aucune erreur : le brouillon peut être publié.');
    await request(t.app).get('/courses/demo-copie').expect(404);
  });

  it('accepts a course folder at the root of the archive, named after the file', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const zip = await makeZip(await fixtureCourseEntries(''));
    const res = await importZip(agent, zip, 303, {}, 'Mon cours été.zip');
    expect(res.headers.location).toBe('/studio/courses/mon-cours-ete?notice=imported');
  });

  it('imports over an existing course as its draft, never over the published version', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const published = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
    const entries = (await fixtureCourseEntries('demo')).map((e) =>
      e.name === 'demo/01-premier.md' ? { ...e, data: String(e.data).replace('Une autre idée.', 'Idée importée.') } : e,
    );
    const zip = await makeZip(entries);
    expect((await importZip(agent, zip, 303)).headers.location).toBe('/studio/courses/demo?notice=imported');
    expect(await readFile(path.join(t.draftsDir, 'demo/01-premier.md'), 'utf8')).toContain('Idée importée.');
    expect(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(published);
    // A second import would overwrite that draft: only when asked to.
    const refused = await importZip(agent, zip, 409);
    expect(refused.text).toContain('cochez « Remplacer le brouillon existant »');
    await importZip(agent, zip, 303, { replaceDraft: 'on' });
  });

  const refusals: [string, () => Promise<Buffer>, number, string][] = [
    [
      'a path with ..',
      async () =>
        renameInZip(
          await makeZip(await withCourse([{ name: 'importe/aa/evil.md', data: 'x' }])),
          'importe/aa/evil.md',
          'importe/../evil.md',
        ),
      400,
      'un chemin contient « .. »',
    ],
    [
      'an absolute path',
      async () =>
        renameInZip(
          await makeZip(await withCourse([{ name: 'xtmp/evil.md', data: 'x' }])),
          'xtmp/evil.md',
          '/tmp/evil.md',
        ),
      400,
      'un chemin est absolu',
    ],
    [
      'a backslash',
      async () =>
        renameInZip(
          await makeZip(await withCourse([{ name: 'importe_evil.md', data: 'x' }])),
          'importe_evil.md',
          'importe\\evil.md',
        ),
      400,
      'barre oblique inverse',
    ],
    [
      'a name that displays reversed (U+202E)',
      async () => makeZip(await withCourse([{ name: 'importe/images/gnp.\u202Eexe.png', data: 'x' }])),
      400,
      'caractère invisible',
    ],
    [
      'a symbolic link',
      async () => makeZip(await withCourse([{ name: 'importe/images/lien.png', data: '/etc/passwd', mode: 0o120777 }])),
      400,
      'est un lien symbolique',
    ],
    [
      'more than 500 entries',
      async () =>
        makeZip(
          await withCourse(Array.from({ length: 500 }, (_, i) => ({ name: `importe/fichiers/f${i}.txt`, data: 'x' }))),
        ),
      413,
      'trop de fichiers',
    ],
    [
      'an entry over 5 MB',
      async () =>
        makeZip(await withCourse([{ name: 'importe/fichiers/gros.txt', data: Buffer.alloc(5 * 1024 * 1024 + 1) }])),
      413,
      'est trop gros',
    ],
    [
      'more than 20 MB in all',
      async () =>
        makeZip(
          await withCourse(
            Array.from({ length: 5 }, (_, i) => ({
              name: `importe/fichiers/part${i}.txt`,
              data: Buffer.alloc(4.5 * 1024 * 1024),
            })),
          ),
        ),
      413,
      'le contenu décompressé dépasse 20 Mo',
    ],
    [
      'sizes that lie (a zip bomb declaring small entries)',
      async () =>
        understateSizes(
          await makeZip([{ name: 'importe/fichiers/bombe.txt', data: Buffer.alloc(6 * 1024 * 1024) }]),
          100,
        ),
      400,
      'ne correspond pas à celle annoncée',
    ],
    ['a file that is not a zip', async () => randomBytes(2000), 400, 'n’est pas une archive zip lisible'],
    [
      'an archive without course.md',
      async () => makeZip([{ name: 'notes/lisez-moi.txt', data: 'x' }]),
      400,
      '« course.md » introuvable',
    ],
    [
      'a file type the course format does not use',
      async () => makeZip(await withCourse([{ name: 'importe/script.sh', data: 'rm -rf /' }])),
      400,
      '« script.sh » n’est pas d’un type accepté',
    ],
    [
      'an image that is not one',
      async () => makeZip(await withCourse([{ name: 'importe/images/photo.png', data: '<html>' }])),
      400,
      '« images/photo.png » n’est pas une image .png valide',
    ],
  ];

  for (const [what, build, status, message] of refusals) {
    it(`refuses an archive with ${what}, says why and changes nothing`, async () => {
      const t = await open();
      const { agent } = await studioAgent(t);
      const before = await snapshot(t);
      const res = await importZip(agent, await build(), status);
      expect(res.text).toContain('L’archive n’a pas été importée');
      expect(res.text).toContain(message);
      expect(res.text).toContain('Rien n’a été modifié.');
      expect(await snapshot(t)).toEqual(before);
      expect(await listTree(t.draftsDir)).toEqual([]);
    });
  }

  it('refuses an invalid course with the validator’s messages, and changes nothing', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const entries = (await fixtureCourseEntries('importe')).map((e) =>
      e.name.endsWith('01-premier.md') ? { ...e, data: String(e.data).replace('   - (x) Je m', '   - ( ) Je m') } : e,
    );
    const before = await snapshot(t);
    const res = await importZip(agent, await makeZip(entries), 422);
    expect(res.text).toContain('la formation contient 1 erreur(s)');
    expect(res.text).toMatch(/importe\/01-premier.md, ligne \d+ — question 1/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses an archive file over 20 MB with 413', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const res = await importZip(agent, randomBytes(21 * 1024 * 1024), 413);
    expect(res.text).toContain('le fichier dépasse 20 Mo');
    expect(await listTree(path.join(t.dataDir, 'studio-tmp'))).toEqual([]);
  });

  it('refuses an address that is not a valid course slug', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const res = await importZip(agent, await makeZip(await fixtureCourseEntries('importe')), 400, { slug: '../etc' });
    expect(res.text).toContain('ne peut pas être l’adresse d’une formation');
  });
});
