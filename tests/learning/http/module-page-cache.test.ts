import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { rawResponse } from '../../helpers/raw-response.ts';
import { addStructures, addUser, createTestApp, csrfOf, type TestApp, testPassword } from '../../helpers/test-app.ts';
import { fixturesDir, testConfig } from '../../helpers/test-config.ts';

// The module page is served from a copy rendered once per kind of reader (module-page-cache.ts). The same
// app built for development renders every page in full: both must give the same bytes.
let t: TestApp;
let fullRender: TestApp['app'];
let coursesDir: string;
beforeAll(async () => {
  coursesDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-page-cache-'));
  await cp(path.join(fixturesDir, 'courses/valid'), coursesDir, { recursive: true });
  // A second quiz limited to one attempt and not shuffled, to reach the "no attempts left" page.
  const final = path.join(coursesDir, 'demo/02-evaluation.md');
  await writeFile(
    final,
    (await readFile(final, 'utf8')).replace('tentatives: 3', 'tentatives: 1').replace('  melanger: true\n', ''),
  );
  // The first module's quiz shuffles its choices: each learner sees them in an order of their own.
  const first = path.join(coursesDir, 'demo/01-premier.md');
  await writeFile(
    first,
    (await readFile(first, 'utf8')).replace('facile_a_lire: true\n', 'facile_a_lire: true\nquiz:\n  melanger: true\n'),
  );
  t = await createTestApp({ coursesDir });
  fullRender = createApp({
    config: testConfig({ dataDir: t.dataDir, env: 'development' }),
    catalog: t.catalog,
    store: t.store,
    clock: () => t.now(),
    csrfSecret: 'test-secret',
  });
  expect(fullRender.enabled('view cache')).toBe(false);
});
afterAll(async () => {
  await t.close();
  await rm(coursesDir, { recursive: true, force: true });
});

/** Signs in through the form and returns the session cookie, to send the same one to both apps. */
async function sessionCookie(email: string, app = t.app): Promise<string> {
  const form = await request(app).get('/login').expect(200);
  const anon = String(form.headers['set-cookie']?.[0]).split(';')[0]!;
  const res = await request(app)
    .post('/login')
    .set('cookie', anon)
    .type('form')
    .send({ _csrf: csrfOf(form.text), email, password: testPassword })
    .expect(303);
  const session = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('pas_session='))!;
  return session.split(';')[0]!;
}

/** What a browser may accept, the encoding the page must come in, and how to read it back. */
const encodings: [string, string, (body: Buffer) => Buffer][] = [
  ['gzip, deflate, br', 'gzip', gunzipSync],
  ['gzip', 'gzip', gunzipSync],
  ['br', 'br', brotliDecompressSync],
  ['gzip;q=0, br', 'br', brotliDecompressSync],
];

async function samePage(url: string, cookie?: string): Promise<string> {
  const get = (app: TestApp['app']) => {
    const req = request(app).get(url).set('accept-encoding', 'identity');
    return (cookie ? req.set('cookie', cookie) : req).expect(200);
  };
  const [cached, full] = [await get(t.app), await get(fullRender)];
  expect(cached.text).toBe(full.text);
  expect(cached.headers['content-type']).toBe(full.headers['content-type']);
  expect(cached.headers['content-length']).toBe(full.headers['content-length']);
  // Compressed, it is the same page: gzip joined from pieces deflated once, brotli from the middleware.
  for (const [accept, encoding, decode] of encodings) {
    const res = await rawResponse(t.app, url, { 'accept-encoding': accept, ...(cookie && { cookie }) });
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(decode(res.body).toString()).toBe(cached.text);
  }
  // A client that names no encoding (a script, a load tool) gets the page as it is.
  const plain = await rawResponse(t.app, url, cookie ? { cookie } : {});
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.headers.vary).toContain('Accept-Encoding');
  expect(plain.body.toString()).toBe(cached.text);
  return cached.text;
}

describe('module pages rendered once per kind of reader', () => {
  it('are the same as a full render for a visitor', async () => {
    const html = await samePage('/courses/demo/premier', 'pas_csrf=a-visitor-binding-of-24-chars');
    expect(html).toContain('Connectez-vous');
  });

  it('are the same for a learner before and after an attempt, with their name escaped', async () => {
    const learner = await addUser(t, 'learner', { name: 'Zoé <b>"O\'Neil"</b> & fils' });
    const cookie = await sessionCookie(learner.email);
    const page = await request(t.app).get('/courses/demo/premier').set('cookie', cookie).expect(200);
    let html = await samePage('/courses/demo/premier', cookie);
    expect(html).toContain('Zoé &lt;b&gt;&#34;O&#39;Neil&#34;&lt;/b&gt; &amp; fils');
    expect(html).not.toContain('Meilleur score');
    await request(t.app)
      .post('/courses/demo/premier/quiz')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(page.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c1', q4: 'WhatsApp' })
      .expect(200);
    html = await samePage('/courses/demo/premier', cookie);
    expect(html).toContain('Meilleur score : 75 % (1 essai)');
    expect(html).toContain(`name="_csrf" value="${csrfOf(page.text)}"`);
  });

  it('are the same once no attempt is left, and for another role', async () => {
    const admin = await addUser(t, 'admin');
    const cookie = await sessionCookie(admin.email);
    const page = await request(t.app).get('/courses/demo/evaluation').set('cookie', cookie).expect(200);
    await request(t.app)
      .post('/courses/demo/evaluation/quiz')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(page.text), q1: 'c1', q2: 'c1' })
      .expect(200);
    const html = await samePage('/courses/demo/evaluation', cookie);
    expect(html).toContain('Utilisateurs');
    expect(html).toContain('Vous avez utilisé tous vos essais pour ce quiz.');
    await samePage('/courses/demo/premier', cookie);
  });

  it('put a shuffled quiz in each learner’s own order, as a full render does', async () => {
    const orders = new Set<string>();
    for (const name of ['Ana', 'Bruno', 'Chloé', 'Driss']) {
      const cookie = await sessionCookie((await addUser(t, 'learner', { name })).email);
      const html = await samePage('/courses/demo/premier', cookie);
      orders.add([...html.matchAll(/<input type="(?:radio|checkbox)" id="([^"]+)"/g)].map((m) => m[1]).join(' '));
      // Asked again, the same learner gets the same order.
      expect(await samePage('/courses/demo/premier', cookie)).toBe(html);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('show each learner the face of their own structure', async () => {
    const faced = await createTestApp({ coursesDir });
    try {
      await addStructures(faced, [
        ['bzh', 'Fédération Bretagne'],
        ['occ', 'Fédération Occitanie'],
      ]);
      await faced.store.transact(async (tx) => {
        tx.put('structures', { ...(await tx.get('structures', 'bzh'))!, colour: '#1f4e9a' });
        tx.put('structures', { ...(await tx.get('structures', 'occ'))!, colour: '#9a1f4e' });
      });
      for (const [structure, name, colour] of [
        ['bzh', 'Fédération Bretagne', '#1f4e9a'],
        ['occ', 'Fédération Occitanie', '#9a1f4e'],
      ] as const) {
        const cookie = await sessionCookie((await addUser(faced, 'learner', { structure })).email, faced.app);
        const html = (await request(faced.app).get('/courses/demo/premier').set('cookie', cookie).expect(200)).text;
        expect(html).toContain(`<a class="brand" href="/">${name}</a>`);
        expect(html).toContain(`--accent:${colour}`);
      }
    } finally {
      await faced.close();
    }
  });
});
