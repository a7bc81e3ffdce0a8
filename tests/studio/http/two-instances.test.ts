// Two instances on one PostgreSQL database, each with its own disk (courses and data folders), as on two
// machines: the studio's drafts, images, publications and history live in the database, and a course
// published on one instance is served by the other within two seconds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, cookieOn, csrfOf, type TestApp } from '../../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { createStudioTestApp, expectStatus, type StudioTestApp, tinyPng } from '../studio-test-app.ts';

const editor = '/studio/courses/demo/files/01-premier.md';

describe.skipIf(skipWithoutDatabase)('studio on two instances sharing PostgreSQL, not a disk', () => {
  let db: TestDatabase;
  let a: StudioTestApp;
  let b: StudioTestApp;
  let cookie: string;

  const get = (t: TestApp, url: string) => request(t.app).get(url).set('Cookie', cookie);
  const post = async (t: TestApp, url: string, fields: Record<string, string | Buffer>, from: string) => {
    const token = csrfOf((await get(t, from).expect(200)).text);
    return request(t.app)
      .post(url)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, ...fields });
  };
  const source = (t: StudioTestApp) => readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');

  beforeAll(async () => {
    db = await createTestDatabase();
    [a, b] = await Promise.all([
      createStudioTestApp({}, { databaseUrl: db.url }),
      createStudioTestApp({}, { databaseUrl: db.url }),
    ]);
    cookie = await cookieOn(a, (await addUser(a, 'trainer')).email);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('continues on B a draft saved on A, and the other way round', async () => {
    const original = await source(a);
    const first = original.replace('Une autre idée.', 'Écrit sur A.');
    expectStatus(await post(a, editor, { source: first, action: 'save' }, editor), 303);
    expect((await get(b, editor).expect(200)).text).toContain('Écrit sur A.');
    expect(await readFile(path.join(b.draftsDir, 'demo/01-premier.md'), 'utf8')).toBe(first);

    const second = first.replace('Écrit sur A.', 'Repris sur B.');
    expectStatus(await post(b, editor, { source: second, action: 'save' }, editor), 303);
    expect((await get(a, editor).expect(200)).text).toContain('Repris sur B.');
  });

  it('shows on B an image uploaded on A', async () => {
    const token = csrfOf((await get(a, '/studio/courses/demo').expect(200)).text);
    const uploaded = await request(a.app)
      .post('/studio/courses/demo/images')
      .set('Cookie', cookie)
      .field('_csrf', token)
      .attach('image', tinyPng, 'atelier.png');
    expect(uploaded.status).toBe(303);
    const image = await get(b, '/studio/preview/demo/assets/images/atelier.png').expect(200);
    expect(Buffer.from(image.body as Buffer).equals(tinyPng)).toBe(true);
  });

  it('serves on A, within two seconds, a course published on B, and keeps the history on both', async () => {
    expectStatus(await post(b, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    expect((await request(b.app).get('/courses/demo/premier')).text).toContain('Repris sur B.');
    // A learner's page on A: no studio request triggers anything there, the announcement does.
    const deadline = Date.now() + 2_000;
    let page = '';
    while (Date.now() < deadline) {
      page = (await request(a.app).get('/courses/demo/premier')).text;
      if (page.includes('Repris sur B.')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(page).toContain('Repris sur B.');
    expect(a.catalog === b.catalog).toBe(false);
    expect(await source(a)).toContain('Repris sur B.');
    // The draft went with the publication, on both instances; the history has the kept versions.
    await expect(readFile(path.join(a.draftsDir, 'demo/01-premier.md'))).rejects.toThrow();
    const history = await get(a, '/studio/courses/demo/versions/3').expect(200);
    expect(history.text).toContain('href="/studio/history/3/demo/premier"');
    expect((await get(a, '/studio/history/3/demo/premier').expect(200)).text).toContain('Repris sur B.');
  });

  it('discards on B a draft started on A', async () => {
    const edited = (await source(a)).replace('Repris sur B.', 'Brouillon à jeter.');
    expectStatus(await post(a, editor, { source: edited, action: 'save' }, editor), 303);
    expectStatus(await post(b, '/studio/courses/demo/discard', {}, '/studio/courses/demo/discard'), 303);
    expect((await get(a, editor).expect(200)).text).not.toContain('Brouillon à jeter.');
    await expect(readFile(path.join(a.draftsDir, 'demo/01-premier.md'))).rejects.toThrow();
  });
});
