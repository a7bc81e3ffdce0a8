import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { loadCourse } from '../../../server/catalog/load-course.ts';
import {
  collect,
  download,
  expectStatus,
  listTree,
  openStudioApps,
  postForm,
  type StudioTestApp,
  studioAgent,
} from '../studio-test-app.ts';

const open = openStudioApps();

const editor = '/studio/courses/demo/files/01-premier.md';

async function saveModule(
  agent: Awaited<ReturnType<typeof studioAgent>>['agent'],
  t: StudioTestApp,
  edit: (s: string) => string,
) {
  const source = edit(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8'));
  expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 303);
}

describe('studio: publication', () => {
  it('refuses to publish a course with errors, says what to fix, and leaves the published course untouched', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const before = await listTree(t.coursesDir);
    const original = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
    await saveModule(agent, t, (s) => s.replace('   - (x) Je m', '   - ( ) Je m'));
    const res = expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 422);
    expect(res.text).toContain('La formation n’a pas été publiée');
    expect(res.text).toContain('La formation contient 1 erreur : corrigez-la avant de publier.');
    expect(res.text).toMatch(
      /href="\/studio\/courses\/demo\/files\/01-premier.md#source">01-premier.md, ligne \d+<\/a> — question 1/,
    );
    expect(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(original);
    expect(await listTree(t.coursesDir)).toEqual(before);
    expect(await t.store.count('courseVersions')).toBe(0);
    expect((await request(t.app).get('/courses/demo')).text).toContain('<dd>2</dd>');
  });

  it('publishes a valid draft as the next version, on disk in the course format, and shows it to learners at once', async () => {
    const t = await open();
    const { agent, user } = await studioAgent(t);
    await saveModule(agent, t, (s) => s.replace('Une autre idée.', 'Une idée publiée.'));
    const res = expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    expect(res.headers.location).toBe('/studio/courses/demo?notice=published&version=3');
    expect((await agent.get(res.headers.location!)).text).toContain('Version 3 publiée');

    // The published folder is a plain course folder: the same loader as `npm run courses:check` accepts it.
    const checked = await loadCourse(path.join(t.coursesDir, 'demo'), { displayRoot: t.coursesDir });
    expect(checked.issues).toEqual([]);
    expect(checked.course?.version).toBe(3);
    const sheet = await readFile(path.join(t.coursesDir, 'demo/course.md'), 'utf8');
    expect(sheet).toContain('\nversion: 3\n');
    expect(sheet).toContain('seuil_reussite: 75\nversion: 3\nauteurs:');
    // No leftovers: no staging folder, no backup, no draft.
    expect(await readdir(t.coursesDir)).toEqual(['demo']);
    expect(await listTree(t.draftsDir)).toEqual([]);

    const page = await request(t.app).get('/courses/demo/premier').expect(200);
    expect(page.text).toContain('Une idée publiée.');
    expect((await request(t.app).get('/courses/demo')).text).toContain('<dd>3</dd>');

    // History: the version found on disk (2) and the new one (3), each with its folder.
    const rows = await t.store.findBy('courseVersions', 'course', 'demo');
    expect(rows.map((r) => [r.version, r.publishedBy]).sort()).toEqual([
      [2, null],
      [3, user.id],
    ]);
    expect(await readFile(path.join(t.dataDir, 'course-versions/demo/v2/demo/01-premier.md'), 'utf8')).toContain(
      'Une autre idée.',
    );
    expect(await readFile(path.join(t.dataDir, 'course-versions/demo/v3/demo/01-premier.md'), 'utf8')).toContain(
      'Une idée publiée.',
    );
    const audit = [];
    for await (const a of t.store.all('audit')) audit.push(a);
    expect(audit.map((a) => [a.action, a.target, a.details])).toContainEqual([
      'course.published',
      'demo',
      { version: 3 },
    ]);
  });

  it('says there is nothing to publish when there is no draft', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const res = expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 409);
    expect(res.text).toContain('Rien à publier');
  });

  it('lists published versions with date and author, shows an old version and restores it as a draft', async () => {
    const t = await open();
    const { agent, user } = await studioAgent(t);
    await saveModule(agent, t, (s) => s.replace('Une autre idée.', 'Texte de la version 3.'));
    expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    t.advance(3600_000);
    await saveModule(agent, t, (s) => s.replace('Texte de la version 3.', 'Texte de la version 4.'));
    expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);

    const history = await agent.get('/studio/courses/demo/versions').expect(200);
    expect(history.text).toContain('<caption>Versions publiées, de la plus récente à la plus ancienne</caption>');
    expect(history.text).toMatch(
      /Version 4 \(en ligne\)<\/th>\n<td>23 novembre 2026 à 11:00<\/td>\n<td>Personne \d+<\/td>/,
    );
    expect(history.text).toMatch(/Version 3<\/th>\n<td>23 novembre 2026 à 10:00<\/td>/);
    expect(history.text).toContain('avant le studio');
    expect(history.text).toContain(user.name);

    const v3 = await agent.get('/studio/courses/demo/versions/3').expect(200);
    expect(v3.text).toContain('href="/studio/history/3/demo/premier"');
    const oldModule = await agent.get('/studio/history/3/demo/premier').expect(200);
    expect(oldModule.text).toContain('Texte de la version 3.');
    expect(oldModule.text).toContain('src="/studio/history/3/demo/assets/images/couverture.png"');
    await agent.get('/studio/history/3/demo/assets/images/couverture.png').expect(200);
    await agent.get('/studio/courses/demo/versions/9').expect(404);

    const restored = expectStatus(
      await postForm(agent, '/studio/courses/demo/versions/3/restore', {}, '/studio/courses/demo/versions/3'),
      303,
    );
    expect(restored.headers.location).toBe('/studio/courses/demo?notice=restored&version=3');
    expect(await readFile(path.join(t.draftsDir, 'demo/01-premier.md'), 'utf8')).toContain('Texte de la version 3.');
    // Restoring changes nothing for learners until the next publication, which gets a new number.
    expect((await request(t.app).get('/courses/demo/premier')).text).toContain('Texte de la version 4.');
    expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    expect((await request(t.app).get('/courses/demo/premier')).text).toContain('Texte de la version 3.');
    expect(t.catalog.bySlug.get('demo')?.version).toBe(2);
    expect((await request(t.app).get('/courses/demo')).text).toContain('<dd>5</dd>');
  });

  it('publishes a new course as version 1 and puts it in the catalog', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    expectStatus(
      await postForm(agent, '/studio/new', { title: 'Nouvelle formation', slug: 'nouvelle' }, '/studio/new'),
      303,
    );
    const res = expectStatus(
      await postForm(agent, '/studio/courses/nouvelle/publish', {}, '/studio/courses/nouvelle'),
      303,
    );
    expect(res.headers.location).toBe('/studio/courses/nouvelle?notice=published&version=1');
    expect((await request(t.app).get('/courses')).text).toContain('Nouvelle formation');
    await request(t.app).get('/courses/nouvelle/introduction').expect(200);
    expect(await t.store.count('courseVersions')).toBe(1);
  });

  it('discards a draft after confirmation, and deletes a never-published course that way', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    await saveModule(agent, t, (s) => s.replace('Une autre idée.', 'Brouillon.'));
    expect((await agent.get('/studio/courses/demo/discard').expect(200)).text).toContain(
      'Toutes les modifications non publiées seront perdues',
    );
    const res = expectStatus(await postForm(agent, '/studio/courses/demo/discard', {}, '/studio/courses/demo'), 303);
    expect(res.headers.location).toBe('/studio/courses/demo?notice=discarded');
    expect(await listTree(t.draftsDir)).toEqual([]);
    await agent.get('/studio/courses/demo/discard').expect(404);

    expectStatus(await postForm(agent, '/studio/new', { title: 'Jetable', slug: 'jetable' }, '/studio/new'), 303);
    expect((await agent.get('/studio/courses/jetable/discard')).text).toContain('la supprime entièrement');
    const gone = expectStatus(
      await postForm(agent, '/studio/courses/jetable/discard', {}, '/studio/courses/jetable'),
      303,
    );
    expect(gone.headers.location).toBe('/studio?notice=removed');
    await agent.get('/studio/courses/jetable').expect(404);
  });

  it('exports the published course, the draft and an old version as zips of the course folder', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const res = await agent.get('/studio/courses/demo/export/published').expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="demo-publiee.zip"');
    const names = await zipNames(await download(agent, '/studio/courses/demo/export/published'));
    expect(names).toEqual([
      'demo/01-premier.md',
      'demo/02-evaluation.md',
      'demo/course.md',
      'demo/fichiers/fiche.txt',
      'demo/images/couverture.png',
    ]);
    await agent.get('/studio/courses/demo/export/draft').expect(404);
    await agent.get('/studio/courses/demo/export/v1').expect(404);

    await saveModule(agent, t, (s) => s.replace('Une autre idée.', 'Idée du brouillon.'));
    const draft = await download(agent, '/studio/courses/demo/export/draft');
    expect(await zipNames(draft)).toEqual(names);
    expect(await zipText(draft, 'demo/01-premier.md')).toContain('Idée du brouillon.');
    expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    expect(await zipText(await download(agent, '/studio/courses/demo/export/v2'), 'demo/01-premier.md')).toContain(
      'Une autre idée.',
    );
    await agent.get('/studio/courses/demo/export/..%2F..').expect(404);
  });

  it('keeps the bundled-course layout: a course changed on disk by hand still opens, and its errors show', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    await writeFile(path.join(t.coursesDir, 'demo/03-en-plus.md'), '---\ntitre: En plus\n---\n\nTexte.\n');
    const page = await agent.get('/studio/courses/demo').expect(200);
    expect(page.text).toContain('03-en-plus.md, ligne 2</a> — champ « objectifs » obligatoire manquant');
  });
});

function zipNames(buffer: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function zipText(buffer: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          collect(stream).then((b) => resolve(b.toString('utf8')), reject);
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in zip`)));
      zip.readEntry();
    });
  });
}
