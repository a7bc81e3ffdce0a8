import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectStatus, openStudioApps, postForm, type StudioTestApp, studioAgent } from '../studio-test-app.ts';

const open = openStudioApps();

const editor = '/studio/courses/demo/files/01-premier.md';

/** The first module with a link and an image whose `%` escapes are malformed. */
async function withBadEscapes(t: StudioTestApp): Promise<string> {
  const source = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
  return source.replace('Une autre idée.', 'Une autre idée. Voir [la fiche](%ZZ.pdf).\n\n![Un schéma](%E0%A4.png)');
}

describe('studio: a draft with malformed % escapes in its links', () => {
  it('shows each bad link as an error line of the live preview, not a server error', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const res = expectStatus(
      await postForm(agent, `${editor}/preview`, { source: await withBadEscapes(t) }, editor),
      200,
    );
    expect(res.text).toMatch(/Ligne \d+<\/a> — le lien « %ZZ.pdf » est mal formé/);
    expect(res.text).toMatch(/Ligne \d+<\/a> — l’image « %E0%A4.png » a une adresse mal formée/);
  });

  it('keeps every studio page of the course working once such a draft is saved, and refuses to publish it', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    expectStatus(await postForm(agent, editor, { source: await withBadEscapes(t), action: 'save' }, editor), 303);

    const course = expectStatus(await agent.get('/studio/courses/demo'), 200);
    expect(course.text).toContain('01-premier.md, ligne');
    expect(course.text).toContain('le lien « %ZZ.pdf » est mal formé');
    expect(expectStatus(await agent.get(editor), 200).text).toContain('2 erreurs dans ce texte');
    expectStatus(await agent.get('/studio/courses/demo/files/course.md'), 200);
    expectStatus(await agent.get('/studio/courses/demo/files/02-evaluation.md'), 200);
    expectStatus(await agent.get('/studio/preview/demo/evaluation'), 200);
    const preview = expectStatus(await agent.get('/studio/preview/demo/premier'), 422);
    expect(preview.text).toContain('le lien « %ZZ.pdf » est mal formé');
    const publish = expectStatus(
      await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'),
      422,
    );
    expect(publish.text).toContain('La formation n’a pas été publiée');
    // Learners keep the published version.
    expect((await request(t.app).get('/courses/demo/premier').expect(200)).text).not.toContain('%ZZ');
  });

  it('reports a malformed cover image of the course sheet as an error line', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const url = '/studio/courses/demo/files/course.md';
    const sheet = (await readFile(path.join(t.coursesDir, 'demo/course.md'), 'utf8')).replace(
      'image: images/couverture.png',
      'image: images/%ZZ.png',
    );
    const res = expectStatus(await postForm(agent, url, { source: sheet, action: 'preview' }, url), 200);
    expect(res.text).toContain('l’image de couverture « images/%ZZ.png » a une adresse mal formée');
  });

  it('answers a malformed % escape in a studio address with 400 and the French page', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    for (const url of [
      '/studio/courses/%ZZ',
      '/studio/courses/demo/files/%E0%A4',
      '/studio/courses/demo/modules/%ZZ/rename',
      '/studio/courses/demo/versions/%ZZ',
      '/studio/courses/demo/export/%ZZ',
      '/studio/courses/demo/analysis/%ZZ',
      '/studio/preview/demo/%ZZ',
      '/studio/preview/demo/assets/images/%ZZ.png',
      '/studio/history/2/demo/%ZZ',
    ]) {
      const res = expectStatus(await agent.get(url), 400);
      expect(res.text).toContain('Demande illisible');
    }
  });
});
