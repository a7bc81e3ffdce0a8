// The access table of the studio extended to scopes: a trainer granted on « Fédération Bretagne » lists,
// opens, previews, edits and exports the courses of its structures only. Every page and action of a course
// of the network (or of another federation) answers 404, as if it did not exist, and changes nothing.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../../server/structures/use-cases/grant-role.ts';
import { addStructures, addUser, csrfOf, signIn } from '../../helpers/test-app.ts';
import {
  fixtureCourseEntries,
  listTree,
  makeZip,
  openStudioApps,
  type StudioTestApp,
  tinyPng,
} from '../studio-test-app.ts';

/** A copy of the fixture course that belongs to `structure`. */
async function courseOf(coursesDir: string, slug: string, structure: string) {
  await cp(path.join(coursesDir, 'demo'), path.join(coursesDir, slug), { recursive: true });
  const sheet = path.join(coursesDir, slug, 'course.md');
  const text = await readFile(sheet, 'utf8');
  await writeFile(
    sheet,
    text.replace('titre: Cours de démonstration', `titre: Cours ${slug}\nstructure: ${structure}`),
  );
}

const open = openStudioApps(
  {},
  {
    prepare: async (coursesDir) => {
      await courseOf(coursesDir, 'bretonne', 'rennes');
      await courseOf(coursesDir, 'occitane', 'occ');
    },
  },
);
let t: StudioTestApp;
let trainer: Awaited<ReturnType<typeof signIn>>;

beforeEach(async () => {
  t = await open();
  await addStructures(t, [
    ['bzh', 'Fédération Bretagne'],
    ['rennes', 'Association de Rennes', 'bzh'],
    ['occ', 'Fédération Occitanie'],
  ]);
  const person = await addUser(t, 'learner', { structure: 'bzh' });
  await grantRole(t.store, { userId: person.id, role: 'trainer', structure: 'bzh' }, null, t.now());
  trainer = await signIn(t, person);
});

const pages = (slug: string) => [
  `/studio/courses/${slug}`,
  `/studio/courses/${slug}/files/01-premier.md`,
  `/studio/courses/${slug}/files/course.md`,
  `/studio/courses/${slug}/versions`,
  `/studio/courses/${slug}/analysis`,
  `/studio/courses/${slug}/analysis/premier`,
  `/studio/courses/${slug}/satisfaction`,
  `/studio/courses/${slug}/satisfaction/export.csv`,
  `/studio/courses/${slug}/export/published`,
  `/studio/courses/${slug}/gift/published`,
  `/studio/courses/${slug}/gift-import`,
  `/studio/courses/${slug}/discard`,
  `/studio/courses/${slug}/modules/01-premier.md/rename`,
  `/studio/courses/${slug}/modules/01-premier.md/delete`,
  `/studio/preview/${slug}/premier`,
];
const actions = (slug: string): [string, Record<string, string>][] => [
  [`/studio/courses/${slug}/files/01-premier.md`, { source: 'remplacé', action: 'save' }],
  [`/studio/courses/${slug}/files/01-premier.md/preview`, { source: 'aperçu' }],
  [`/studio/courses/${slug}/modules`, { title: 'Nouveau module' }],
  [`/studio/courses/${slug}/job-aid`, {}],
  [`/studio/courses/${slug}/modules/01-premier.md/rename`, { title: 'Renommé' }],
  [`/studio/courses/${slug}/modules/01-premier.md/move`, { direction: 'down' }],
  [`/studio/courses/${slug}/modules/01-premier.md/delete`, {}],
  [`/studio/courses/${slug}/publish`, {}],
  [`/studio/courses/${slug}/discard`, {}],
  [`/studio/courses/${slug}/versions/1/restore`, {}],
];

describe('a trainer granted on a federation, in the studio', () => {
  it('lists the courses of its structures only', async () => {
    const list = await trainer.get('/studio').expect(200);
    expect(list.text).toContain('/studio/courses/bretonne');
    expect(list.text).not.toContain('/studio/courses/demo');
    expect(list.text).not.toContain('/studio/courses/occitane');
  });

  it('answers 404 to every page of a course of the network or of another federation, 200 to its own', async () => {
    for (const slug of ['demo', 'occitane']) for (const url of pages(slug)) await trainer.get(url).expect(404);
    for (const url of pages('bretonne').slice(0, 4)) await trainer.get(url).expect(200);
    await trainer.get('/studio/preview/bretonne/premier').expect(200);
    await trainer.get('/studio/history/1/demo/premier').expect(404);
  });

  it('answers 404 to every action on another’s course, uploads included, and writes nothing', async () => {
    const _csrf = csrfOf((await trainer.get('/studio').expect(200)).text);
    for (const slug of ['demo', 'occitane']) {
      for (const [url, fields] of actions(slug))
        await trainer
          .post(url)
          .type('form')
          .send({ _csrf, ...fields })
          .expect(404);
      await trainer
        .post(`/studio/courses/${slug}/images`)
        .field('_csrf', _csrf)
        .attach('image', tinyPng, 'photo.png')
        .expect(404);
    }
    expect(await listTree(t.draftsDir)).toEqual([]);
    expect(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).not.toContain('remplacé');
  });

  it('keeps its course within its scope when course.md is saved', async () => {
    const editor = '/studio/courses/bretonne/files/course.md';
    const _csrf = csrfOf((await trainer.get(editor).expect(200)).text);
    const source = await readFile(path.join(t.coursesDir, 'bretonne/course.md'), 'utf8');
    const save = (structure: string) =>
      trainer
        .post(editor)
        .type('form')
        .send({ _csrf, action: 'save', source: source.replace('structure: rennes', `structure: ${structure}`) });
    const refused = await save('occ').expect(403);
    expect(refused.text).toContain('la structure « occ » n’est pas dans votre périmètre');
    expect(refused.text).toContain('structure: occ');
    expect(await listTree(t.draftsDir)).toEqual([]);
    await save('bzh').expect(303);
    expect(await readFile(path.join(t.draftsDir, 'bretonne/course.md'), 'utf8')).toContain('structure: bzh');
  });

  it('creates its new courses in its federation, where it keeps working on them', async () => {
    const _csrf = csrfOf((await trainer.get('/studio/new').expect(200)).text);
    await trainer
      .post('/studio/new')
      .type('form')
      .send({ _csrf, title: 'Accueil breton', slug: 'accueil' })
      .expect(303);
    expect(await readFile(path.join(t.draftsDir, 'accueil/course.md'), 'utf8')).toContain('structure: bzh');
    await trainer.get('/studio/courses/accueil').expect(200);
    expect((await trainer.get('/studio').expect(200)).text).toContain('/studio/courses/accueil');
  });

  it('imports a course of its scope only, and never over another’s course', async () => {
    const _csrf = csrfOf((await trainer.get('/studio/import').expect(200)).text);
    const zipOf = async (structure: string) => {
      const entries = await fixtureCourseEntries('cours');
      const sheet = entries.find((entry) => entry.name === 'cours/course.md')!;
      sheet.data = Buffer.from(
        sheet.data.toString('utf8').replace('titre: Cours de démonstration', `titre: Importé\nstructure: ${structure}`),
      );
      return makeZip(entries);
    };
    const importAs = async (slug: string, structure: string) =>
      trainer
        .post('/studio/import')
        .field('_csrf', _csrf)
        .field('slug', slug)
        .field('replaceDraft', 'on')
        .attach('archive', await zipOf(structure), 'cours.zip');
    expect((await importAs('nouveau', 'occ')).status).toBe(403);
    expect((await importAs('demo', 'rennes')).status).toBe(409);
    expect(await listTree(t.draftsDir)).toEqual([]);
    expect((await importAs('nouveau', 'rennes')).status).toBe(303);
  });
});
