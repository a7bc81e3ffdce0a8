import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { csrfOf } from '../../helpers/test-app.ts';
import { expectStatus, listTree, openStudioApps, postForm, studioAgent } from '../studio-test-app.ts';

const open = openStudioApps();

const editor = '/studio/courses/demo/files/01-premier.md';
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('studio: creating a course', () => {
  it('creates a draft course with a valid sheet and a first module, suggesting the address from the title', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const created = expectStatus(
      await postForm(agent, '/studio/new', { title: 'Accueillir le public : les bases', slug: '' }, '/studio/new'),
      303,
    );
    expect(created.headers.location).toBe('/studio/courses/accueillir-le-public-les-bases?notice=created');
    expect(await listTree(path.join(t.draftsDir, 'accueillir-le-public-les-bases'))).toEqual([
      '01-introduction.md',
      'course.md',
      'images',
    ]);
    const page = await agent.get('/studio/courses/accueillir-le-public-les-bases').expect(200);
    expect(page.text).toContain('Aucune erreur : le brouillon peut être publié.');
    expect(page.text).toContain('jamais publiée');
    // Learners see nothing of a draft.
    await request(t.app).get('/courses/accueillir-le-public-les-bases').expect(404);
    expect((await request(t.app).get('/courses')).text).not.toContain('Accueillir le public');
  });

  it('re-renders the form with French errors for a missing title, a bad or a taken address', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const missing = expectStatus(await postForm(agent, '/studio/new', { title: '', slug: '' }, '/studio/new'), 400);
    expect(missing.text).toContain('Indiquez un titre.');
    const bad = expectStatus(
      await postForm(agent, '/studio/new', { title: 'Cours', slug: 'Mon Cours!' }, '/studio/new'),
      400,
    );
    expect(bad.text).toContain('Lettres minuscules sans accents');
    expect(bad.text).toContain('value="Mon Cours!"');
    const taken = expectStatus(
      await postForm(agent, '/studio/new', { title: 'Autre', slug: 'demo' }, '/studio/new'),
      400,
    );
    expect(taken.text).toContain('Cette adresse est déjà utilisée');
  });
});

describe('studio: editing a module', () => {
  it('edits a published course in a draft copy: learners keep reading the published text', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    // Opening does not copy anything; the first save does.
    await agent.get(editor).expect(200);
    expect(await exists(path.join(t.draftsDir, 'demo'))).toBe(false);
    const original = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
    const edited = original.replace('Une autre idée.', 'Une idée toute neuve.');
    const saved = expectStatus(
      await postForm(agent, editor, { source: edited.replace(/\n/g, '\r\n'), action: 'save' }, editor),
      303,
    );
    expect(saved.headers.location).toBe(`${editor}?saved=1`);
    expect(await readFile(path.join(t.draftsDir, 'demo/01-premier.md'), 'utf8')).toBe(edited);
    expect(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(original);
    // The whole course was copied, images included.
    expect(await listTree(path.join(t.draftsDir, 'demo'))).toEqual(await listTree(path.join(t.coursesDir, 'demo')));
    const page = await agent.get(`${editor}?saved=1`).expect(200);
    expect(page.text).toContain('Brouillon enregistré.');
    expect(page.text).toContain('Une idée toute neuve.');
    expect((await request(t.app).get('/courses/demo/premier')).text).not.toContain('Une idée toute neuve.');
    // No temp file is left behind by the atomic writes.
    expect((await listTree(path.join(t.draftsDir, 'demo'))).some((f) => f.includes('.tmp'))).toBe(false);
  });

  it('previews unsaved text as learners would see it, quiz included, and gives the text back unchanged', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const source = (await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).replace(
      '## En bref',
      '## En bref\n\nUn paragraphe <script>alert(1)</script> **important**.',
    );
    const res = expectStatus(await postForm(agent, editor, { source, action: 'preview' }, editor), 200);
    expect(res.text).toContain('pas encore enregistré');
    expect(res.text).toContain('<strong>important</strong>');
    expect(res.text).not.toContain('<script>alert(1)</script>');
    // The textarea holds exactly what was typed (escaped), so nothing is lost.
    expect(res.text).toContain('Un paragraphe &lt;script&gt;alert(1)&lt;/script&gt; **important**.');
    // The quiz is shown as learners see it, without a form that could be submitted.
    expect(res.text).toContain('Question 4');
    expect(res.text).not.toContain('action="/courses/demo/premier/quiz"');
    expect(res.text).toContain('sans pouvoir y répondre ici');
    // Images and module links point at the draft preview, not at the published course.
    expect(res.text).toContain('src="/studio/preview/demo/assets/images/couverture.png"');
    expect(res.text).toContain('href="/studio/preview/demo/evaluation"');
    expect(await exists(path.join(t.draftsDir, 'demo'))).toBe(false);
  });

  it('shows the full-page preview of the saved draft, or why it cannot', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const page = await agent.get('/studio/preview/demo/premier').expect(200);
    expect(page.text).toContain('Aperçu du brouillon, tel que les apprenants le verront');
    expect(page.text.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page.text).toContain('href="/studio/preview/demo/evaluation" rel="next"');
    const source = (await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).replace('titre:', 'tite:');
    expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 303);
    const refused = await agent.get('/studio/preview/demo/premier').expect(422);
    expect(refused.text).toContain('Ce module contient des erreurs');
    expect(refused.text).toContain('01-premier.md, ligne 2</a> — champ inconnu « tite »');
    await agent.get('/studio/preview/demo/inconnu').expect(404);
  });

  it('lists the errors of the text with their line numbers beside the textarea', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const source = (await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8'))
      .replace('   - (x) Je m', '   - ( ) Je m')
      .replace('![Un atelier en famille]', '![]');
    const res = expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 303);
    const page = await agent.get(res.headers.location!).expect(200);
    expect(page.text).toContain('2 erreurs dans ce texte');
    expect(page.text).toMatch(
      /data-line="17">Ligne 17<\/a> — l’image « images\/couverture.png » n’a pas de description/,
    );
    expect(page.text).toMatch(/data-line="2\d">Ligne 2\d<\/a> — question 1/);
    expect(page.text).toContain('L’aperçu s’affichera quand les erreurs de ce texte seront corrigées.');
  });

  it('lists quiz syntax that would show the answers, at its line, and shows no preview of it', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const source = (await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8'))
      .replace('## Quiz', '## Questions')
      .replace('   - [x] Consulter', '   -[x] Consulter');
    const res = expectStatus(await postForm(agent, editor, { source, action: 'preview' }, editor), 200);
    expect(res.text).toContain('Une erreur dans ce texte');
    expect(res.text).toContain(
      'data-line="21">Ligne 21</a> — le titre « ## Questions » n’est pas lu comme un quiz : les questions en dessous (ligne 24)',
    );
    expect(res.text).toContain(
      'Écrivez le titre exactement « ## Quiz » (ou « ## Quiz : Questions » pour garder ce titre).',
    );
    expect(res.text).toContain('L’aperçu s’affichera quand les erreurs de ce texte seront corrigées.');
    const fixed = source.replace('## Questions', '## Quiz');
    const again = expectStatus(await postForm(agent, editor, { source: fixed, action: 'preview' }, editor), 200);
    expect(again.text).toMatch(
      /data-line="33">Ligne 33<\/a> — question 2 : il manque une espace entre le tiret et la case\. Écrivez « - \[x\] Consulter son compte en ligne »/,
    );
  });

  it('lists, on the course page, the quizzes a learner could pass without reading, without blocking publication', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const page = await agent.get('/studio/courses/demo').expect(200);
    expect(page.text).toContain('À revoir (1) : ces quiz se réussissent sans avoir lu la formation.');
    expect(page.text).toContain(
      '01-premier.md, ligne 30</a> — question 2 : toutes les cases sauf une sont à cocher, dans la seule question à choix multiples de la formation',
    );
  });

  it('renders the live preview fragment for studio.js', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = csrfOf((await agent.get(editor)).text);
    const res = await agent
      .post(`${editor}/preview`)
      .set('x-csrf-token', token)
      .type('form')
      .send({ source: '---\ntitre: x\n---\n' })
      .expect(200);
    expect(res.text).toContain('id="studio-issues"');
    expect(res.text).toContain('id="studio-preview"');
    expect(res.text).toContain('Ligne 2');
    expect(res.text).not.toContain('<html');
    await agent.post(`${editor}/preview`).type('form').send({ source: 'x' }).expect(403);
  });

  it('refuses a text over 200 KB with 413 and keeps it in the textarea', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const source = `---\ntitre: Long\n---\n\n${'Une phrase assez longue pour remplir la page. '.repeat(5000)}`;
    const res = expectStatus(await postForm(agent, editor, { source, action: 'save' }, editor), 413);
    expect(res.text).toContain('Texte trop long');
    expect(res.text).toContain('Une phrase assez longue pour remplir la page. Une phrase');
    expect(await exists(path.join(t.draftsDir, 'demo'))).toBe(false);
  });

  it('inserts an image with its description at the end of the text without JavaScript, and requires the description', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const source = '---\ntitre: Premier module\nobjectifs:\n  - Découvrir\nduree: 10 min\n---\n\nTexte.';
    const missing = expectStatus(
      await postForm(
        agent,
        editor,
        { source, action: 'insert-image', image: 'images/couverture.png', alt: ' ' },
        editor,
      ),
      400,
    );
    expect(missing.text).toContain('Décrivez l’image en quelques mots');
    const res = expectStatus(
      await postForm(
        agent,
        editor,
        { source, action: 'insert-image', image: 'images/couverture.png', alt: 'Un atelier' },
        editor,
      ),
      200,
    );
    expect(res.text).toContain('Texte.\n\n![Un atelier](images/couverture.png)\n</textarea>');
    expect(await exists(path.join(t.draftsDir, 'demo'))).toBe(false);
  });

  it('edits the course sheet and previews the course page', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const url = '/studio/courses/demo/files/course.md';
    const page = await agent.get(url).expect(200);
    expect(page.text).toContain('Fiche de la formation');
    expect(page.text).toContain('Une passerelle au-dessus d&#39;une rivière');
    const source = (await readFile(path.join(t.coursesDir, 'demo/course.md'), 'utf8')).replace('titre:', 'tite:');
    const res = expectStatus(await postForm(agent, url, { source, action: 'preview' }, url), 200);
    expect(res.text).toContain('champ inconnu « tite » : vouliez-vous écrire « titre » ?');
  });

  it('refuses file names outside the course format', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    for (const file of ['..%2Fcourse.md', 'images%2Fcouverture.png', '01-premier.txt', '.hidden.md']) {
      await agent.get(`/studio/courses/demo/files/${file}`).expect(404);
    }
    await agent.get('/studio/courses/..%2Fdemo').expect(404);
    await agent.get('/studio/courses/inconnu').expect(404);
  });
});

describe('studio: organising modules', () => {
  it('adds a module before the final assessment and opens its editor', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const res = expectStatus(
      await postForm(agent, '/studio/courses/demo/modules', { title: 'Les biais', slug: '' }, '/studio/courses/demo'),
      303,
    );
    expect(res.headers.location).toBe('/studio/courses/demo/files/02-les-biais.md');
    expect((await listTree(path.join(t.draftsDir, 'demo'))).filter((f) => f.endsWith('.md'))).toEqual([
      '01-premier.md',
      '02-les-biais.md',
      '03-evaluation.md',
      'course.md',
    ]);
    const page = await agent.get('/studio/courses/demo').expect(200);
    expect(page.text).toContain('Aucune erreur');
    const again = expectStatus(
      await postForm(
        agent,
        '/studio/courses/demo/modules',
        { title: 'Encore', slug: 'les-biais' },
        '/studio/courses/demo',
      ),
      400,
    );
    expect(again.text).toContain('Un module s’appelle déjà « les-biais »');
  });

  it('moves modules up and down by renumbering their files', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    expectStatus(await postForm(agent, '/studio/courses/demo/modules/01-premier.md/move', { direction: 'down' }), 303);
    expect((await listTree(path.join(t.draftsDir, 'demo'))).filter((f) => f.endsWith('.md'))).toEqual([
      '01-evaluation.md',
      '02-premier.md',
      'course.md',
    ]);
    // The final assessment is no longer last: the validator says so.
    expect((await agent.get('/studio/courses/demo')).text).toContain('l’évaluation finale doit être le dernier module');
    expectStatus(await postForm(agent, '/studio/courses/demo/modules/02-premier.md/move', { direction: 'up' }), 303);
    expect((await listTree(path.join(t.draftsDir, 'demo'))).filter((f) => f.endsWith('.md'))).toEqual([
      '01-premier.md',
      '02-evaluation.md',
      'course.md',
    ]);
  });

  it('renames a module’s title and address, keeping the rest of its front matter', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const form = await agent.get('/studio/courses/demo/modules/01-premier.md/rename').expect(200);
    expect(form.text).toContain('value="Premier module"');
    expect(form.text).toContain('Ce module est publié');
    expectStatus(
      await postForm(agent, '/studio/courses/demo/modules/01-premier.md/rename', {
        title: 'Découvrir : les bases',
        slug: 'decouvrir',
      }),
      303,
    );
    const text = await readFile(path.join(t.draftsDir, 'demo/01-decouvrir.md'), 'utf8');
    expect(
      text.startsWith('---\ntitre: "Découvrir : les bases"\nobjectifs:\n  - Découvrir le sujet\nduree: 10 min\n'),
    ).toBe(true);
    expect(await exists(path.join(t.draftsDir, 'demo/01-premier.md'))).toBe(false);
    const bad = expectStatus(
      await postForm(agent, '/studio/courses/demo/modules/01-decouvrir.md/rename', { title: 'X', slug: 'evaluation' }),
      400,
    );
    expect(bad.text).toContain('Un module s’appelle déjà « evaluation »');
  });

  it('deletes a module after a confirmation page, but never the last one', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const confirm = await agent.get('/studio/courses/demo/modules/02-evaluation.md/delete').expect(200);
    expect(confirm.text).toContain('Supprimer « Évaluation finale » ?');
    expectStatus(await postForm(agent, '/studio/courses/demo/modules/02-evaluation.md/delete'), 303);
    expect(await exists(path.join(t.draftsDir, 'demo/02-evaluation.md'))).toBe(false);
    expect(await exists(path.join(t.coursesDir, 'demo/02-evaluation.md'))).toBe(true);
    const last = expectStatus(await postForm(agent, '/studio/courses/demo/modules/01-premier.md/delete'), 409);
    expect(last.text).toContain('Une formation garde au moins un module.');
  });
});

describe('studio: the authoring guide', () => {
  it('serves docs/authoring.md rendered, one click from the editor', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    expect((await agent.get(editor)).text).toContain('href="/studio/guide"');
    const guide = await agent.get('/studio/guide').expect(200);
    expect(guide.text).toContain('Écrire un cours pour Passerelle');
    expect(guide.text).toContain('seuil_reussite');
    expect(guide.text.match(/<h1[\s>]/g)).toHaveLength(1);
  });
});
