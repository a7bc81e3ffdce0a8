// A course belongs to a structure: offered to it and everything below it; the network's to all. A learner's
// catalogue is the union along their path to the root; elsewhere the course does not exist (404).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStructures, addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { fixturesDir } from '../../helpers/test-config.ts';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-courses-'));
  await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(dir, 'demo'), { recursive: true });
  await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(dir, 'bretonne'), { recursive: true });
  const sheet = path.join(dir, 'bretonne/course.md');
  const text = await readFile(sheet, 'utf8');
  await writeFile(sheet, text.replace('titre: Cours de démonstration', 'titre: Accueil en Bretagne\nstructure: bzh'));
  t = await createTestApp({ coursesDir: dir });
  await addStructures(t, [
    ['bzh', 'Fédération Bretagne'],
    ['rennes', 'Association de Rennes', 'bzh'],
    ['occ', 'Fédération Occitanie'],
  ]);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('courses per structure', () => {
  it('reads the structure of a course from its sheet, the network by default', () => {
    expect(t.catalog.bySlug.get('bretonne')?.structure).toBe('bzh');
    expect(t.catalog.bySlug.get('demo')?.structure).toBe('reseau');
  });

  it('offers a federation’s course below it, and the network’s everywhere', async () => {
    const rennes = await signIn(t, await addUser(t, 'learner', { structure: 'rennes' }));
    const catalog = await rennes.get('/courses').expect(200);
    expect(catalog.text).toContain('Accueil en Bretagne');
    expect(catalog.text).toContain('Cours de démonstration');
    await rennes.get('/courses/bretonne').expect(200);
    await rennes.get('/courses/bretonne/premier').expect(200);
  });

  it('hides it elsewhere: not in the catalogue, 404 by address, for people and visitors', async () => {
    const toulouse = await signIn(t, await addUser(t, 'learner', { structure: 'occ' }));
    const catalog = await toulouse.get('/courses').expect(200);
    expect(catalog.text).not.toContain('Accueil en Bretagne');
    expect(catalog.text).toContain('Cours de démonstration');
    await toulouse.get('/courses/bretonne').expect(404);
    await toulouse.get('/courses/bretonne/premier').expect(404);
    await request(t.app).get('/courses/bretonne').expect(404);
    await request(t.app).get('/courses/demo').expect(200);
    expect((await request(t.app).get('/')).text).not.toContain('Accueil en Bretagne');
  });

  it('takes a commitment only for a course offered on the learner’s path', async () => {
    const person = await addUser(t, 'learner', { structure: 'occ' });
    const toulouse = await signIn(t, person);
    await toulouse.get('/me/engagements/bretonne').expect(404);
    const _csrf = csrfOf((await toulouse.get('/me')).text);
    await toulouse
      .post('/me/engagements/bretonne')
      .type('form')
      .send({ _csrf, text: 'Essayer l’accueil breton' })
      .expect(404);
    expect(await t.store.findBy('commitments', 'userId', person.id)).toEqual([]);
    const rennes = await signIn(t, await addUser(t, 'learner', { structure: 'rennes' }));
    expect((await rennes.get('/me/engagements/bretonne').expect(200)).text).toContain('Accueil en Bretagne');
  });
});
