import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { csrfOf } from '../../helpers/test-app.ts';
import { createStudioTestApp, expectStatus, postForm, type StudioTestApp, studioAgent } from '../studio-test-app.ts';

const opened: StudioTestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

const moduleText = (question: string, marks: [string, string]) => `---
titre: Reconnaître un message frauduleux
objectifs:
  - Repérer les signes d'un message piégé
duree: 10 min
---

## En bref

Un message qui presse et demande un code est suspect.

## Quiz

1. ${question}
   - ${marks[0]} Je clique pour régler vite.
     > Non : l'urgence est un signe de fraude.
   - ${marks[1]} Je vérifie auprès de l'organisme, sans cliquer.
     > Oui : passez par le site ou le numéro habituels.
`;

describe('studio journey', () => {
  it('takes a course from creation to a second version without rewriting a learner’s first attempt', async () => {
    const t = await createStudioTestApp();
    opened.push(t);
    const { agent: trainer } = await studioAgent(t, 'trainer');

    // 1. The trainer creates the course; its address comes from the title.
    const created = expectStatus(
      await postForm(trainer, '/studio/new', { title: 'Sécurité numérique au quotidien', slug: '' }, '/studio/new'),
      303,
    );
    expect(created.headers.location).toBe('/studio/courses/securite-numerique-au-quotidien?notice=created');
    const slug = 'securite-numerique-au-quotidien';
    const editor = `/studio/courses/${slug}/files/01-introduction.md`;

    // 2. They write a quiz with a mistake (no right answer ticked) and save: the error shows with its line.
    const broken = moduleText('Un SMS vous demande de payer une amende sous 24 h. Que faites-vous ?', ['( )', '( )']);
    expectStatus(await postForm(trainer, editor, { source: broken, action: 'save' }, editor), 303);
    const withError = await trainer.get(editor).expect(200);
    expect(withError.text).toContain('Une erreur dans ce texte');
    expect(withError.text).toMatch(/data-line="14">Ligne 14<\/a> — question 1 : aucune bonne réponse/);

    // 3. Publishing is refused, with what to fix.
    const refused = expectStatus(
      await postForm(trainer, `/studio/courses/${slug}/publish`, {}, `/studio/courses/${slug}`),
      422,
    );
    expect(refused.text).toContain('La formation contient 1 erreur : corrigez-la avant de publier.');
    expect(refused.text).toContain('01-introduction.md, ligne 14</a> — question 1 : aucune bonne réponse');
    await request(t.app).get(`/courses/${slug}`).expect(404);

    // 4. They fix it, check the preview, and publish version 1.
    const fixed = moduleText('Un SMS vous demande de payer une amende sous 24 h. Que faites-vous ?', ['( )', '(x)']);
    const preview = expectStatus(await postForm(trainer, editor, { source: fixed, action: 'preview' }, editor), 200);
    expect(preview.text).toContain('Aucune erreur dans ce texte.');
    expect(preview.text).toContain('Je vérifie auprès de l&#39;organisme, sans cliquer.');
    expectStatus(await postForm(trainer, editor, { source: fixed, action: 'save' }, editor), 303);
    const v1 = expectStatus(
      await postForm(trainer, `/studio/courses/${slug}/publish`, {}, `/studio/courses/${slug}`),
      303,
    );
    expect(v1.headers.location).toBe(`/studio/courses/${slug}?notice=published&version=1`);

    // 5. A learner takes it.
    const { agent: learner, user } = await studioAgent(t, 'learner');
    const module = await learner.get(`/courses/${slug}/introduction`).expect(200);
    expect(module.text).toContain(`action="/courses/${slug}/introduction/quiz"`);
    const submitted = await learner
      .post(`/courses/${slug}/introduction/quiz`)
      .type('form')
      .send({ _csrf: csrfOf(module.text), q1: 'c2' })
      .expect(200);
    const attemptUrl = submitted.headers['content-location']!;
    expect((await learner.get(attemptUrl)).text).toContain('Votre score : 100 %');

    // 6. The trainer rewrites the question and publishes version 2.
    t.advance(60_000);
    const rewritten = moduleText('Un courriel vous demande votre code bancaire. Que faites-vous ?', ['( )', '(x)']);
    expectStatus(await postForm(trainer, editor, { source: rewritten, action: 'save' }, editor), 303);
    const v2 = expectStatus(
      await postForm(trainer, `/studio/courses/${slug}/publish`, {}, `/studio/courses/${slug}`),
      303,
    );
    expect(v2.headers.location).toBe(`/studio/courses/${slug}?notice=published&version=2`);
    expect((await request(t.app).get(`/courses/${slug}/introduction`)).text).toContain('Un courriel vous demande');

    // 7. The learner's attempt still belongs to version 1.
    const [attempt] = await t.store.findBy('attempts', 'userId', user.id);
    expect(attempt).toMatchObject({ course: slug, courseVersion: 1, score: 100, passed: true });
    const result = await learner.get(attemptUrl).expect(200);
    expect(result.text).toContain('Cette tentative portait sur la version 1 de la formation');
    const [progress] = await t.store.findBy('progress', 'userId', user.id);
    expect(progress?.courseVersion).toBe(1);

    // The history has both versions; the analysis counts the attempt under version 1, apart from version 2.
    const history = await trainer.get(`/studio/courses/${slug}/versions`).expect(200);
    expect(history.text).toContain('Version 2 (en ligne)');
    expect(history.text).toContain('Version 1</th>');
    const analysis = await trainer.get(`/studio/courses/${slug}/analysis`).expect(200);
    expect(analysis.text).toMatch(/<td>0<\/td>\n<td>v1 : 1<\/td>/);
    const v1Analysis = await trainer.get(`/studio/courses/${slug}/analysis/introduction?version=1`).expect(200);
    expect(v1Analysis.text).toContain('Version 1 : 1 essai de 1 personne.');
    expect(v1Analysis.text).toContain('Un SMS vous demande de payer une amende');
    expect(v1Analysis.text).toContain('Réussite : 100 %');
  });
});
