import { describe, expect, it } from 'vitest';
import { csrfOf } from '../../helpers/test-app.ts';
import { openStudioApps, studioAgent } from '../studio-test-app.ts';

const open = openStudioApps();

const wrong = { q1: 'c1', q2: ['c1'], q3: 'c1', q4: 'Facebook' };
const right = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: '  whats app ! ' };

describe('item analysis', () => {
  it('shows trainers the analysis of the published version from learners’ attempts', async () => {
    const t = await open();
    for (const answers of [wrong, wrong, right]) {
      const { agent } = await studioAgent(t, 'learner');
      const page = await agent.get('/courses/demo/premier').expect(200);
      await agent
        .post('/courses/demo/premier/quiz')
        .type('form')
        .send({ _csrf: csrfOf(page.text), ...answers })
        .expect(200);
    }
    const { agent } = await studioAgent(t);
    const overview = await agent.get('/studio/courses/demo/analysis').expect(200);
    expect(overview.text).toContain('<caption>Essais par module et par version de la formation</caption>');
    expect(overview.text).toMatch(/Premier module<\/a><\/th>\n<td>3<\/td>/);
    const page = await agent.get('/studio/courses/demo/analysis/premier').expect(200);
    expect(page.text).toContain('Version 2 (en ligne) : 3 essais de 3 personnes.');
    expect(page.text).toContain('Réussite : 33 %</strong> (1 sur 3 essais ayant répondu)');
    expect(page.text).toContain('À revoir : la réponse fausse « Je lui demande de ranger le téléphone. »');
    expect(page.text).toMatch(/<th scope="row">facebook<\/th><td>2<\/td><td>67 %<\/td><td>non<\/td>/);
    expect(page.text).toContain('<caption>Choix de réponse (question 2) — plusieurs réponses possibles</caption>');
    expect(page.text.match(/<h1[\s>]/g)).toHaveLength(1);
    await agent.get('/studio/courses/demo/analysis/inconnu').expect(404);
  });
});
