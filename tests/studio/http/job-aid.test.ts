import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectStatus, openStudioApps, postForm, studioAgent } from '../studio-test-app.ts';

const open = openStudioApps();
const editor = '/studio/courses/demo/files/fiche.md';

describe('studio: a course’s job aid', () => {
  it('is started from a template, edited with a preview of the printed page, and published with the course', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const course = await agent.get('/studio/courses/demo').expect(200);
    expect(course.text).toContain('Ajouter une fiche à imprimer (fiche.md, une page A4)');
    const added = expectStatus(await postForm(agent, '/studio/courses/demo/job-aid', {}, '/studio/courses/demo'), 303);
    expect(added.headers.location).toBe(editor);
    const page = await agent.get(editor).expect(200);
    expect(page.text).toContain('<h1>Fiche à imprimer (fiche.md)</h1>');
    expect(page.text).toContain('<th>Qui contacter</th>');
    expect((await agent.get('/studio/courses/demo')).text).toContain('Modifier la fiche à imprimer (fiche.md)');

    const source = (await readFile(path.join(t.draftsDir, 'demo/fiche.md'), 'utf8')).replace(
      'titre: Fiche à imprimer',
      'titre: Les numéros utiles',
    );
    const preview = expectStatus(await postForm(agent, editor, { source, action: 'preview' }, editor), 200);
    expect(preview.text).toContain('Les numéros utiles');
    expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 303);
    // Adding again keeps what was written.
    await postForm(agent, '/studio/courses/demo/job-aid', {}, '/studio/courses/demo');
    expect(await readFile(path.join(t.draftsDir, 'demo/fiche.md'), 'utf8')).toContain('Les numéros utiles');

    expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 303);
    const learner = await request(t.app).get('/courses/demo/fiche').expect(200);
    expect(learner.text).toContain('<h1>Les numéros utiles</h1>');
  });

  it('shows a job aid’s errors in its editor and refuses to publish it', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    await postForm(agent, '/studio/courses/demo/job-aid', {}, '/studio/courses/demo');
    const source = '---\ntitre: Avec une image\n---\n\n![plan](images/plan.png)\n';
    const saved = expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 303);
    const page = await agent.get(String(saved.headers.location)).expect(200);
    expect(page.text).toContain('une fiche à imprimer ne contient pas d’image');
    expectStatus(await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'), 422);
    await request(t.app).get('/courses/demo/fiche').expect(404);
  });

  it('refuses to publish a job aid longer than one page, naming its file, though the editor previews it', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    await postForm(agent, '/studio/courses/demo/job-aid', {}, '/studio/courses/demo');
    const rows = Array.from({ length: 40 }, (_, i) => `| Démarche n° ${i + 1} | | |`);
    const source = [
      '---',
      'titre: Trop longue',
      '---',
      '| Démarche | Téléphone | Guichet |',
      '|---|---|---|',
      ...rows,
    ].join('\n');
    expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 303);
    expect((await agent.get(editor).expect(200)).text).toContain('Démarche n° 40');
    const refused = expectStatus(
      await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'),
      422,
    );
    expect(refused.text).toContain('la fiche prend 2 pages une fois mise en page');
    expect(refused.text).toContain('fiche.md');
    await request(t.app).get('/courses/demo/fiche').expect(404);
  });
});
