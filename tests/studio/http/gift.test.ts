// A trainer takes a course's quizzes to Moodle (GIFT) and brings Moodle questions into a draft.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseWithPegjs } from 'gift-pegjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../server/catalog/load-course.ts';
import { createStudioTestApp, type StudioTestApp, studioAgent, tokenFrom } from '../studio-test-app.ts';

let t: StudioTestApp;
let agent: Awaited<ReturnType<typeof studioAgent>>['agent'];

beforeAll(async () => {
  t = await createStudioTestApp();
  agent = (await studioAgent(t)).agent;
});
afterAll(async () => {
  await t.close();
});

const importUrl = '/studio/courses/demo/gift-import';

async function upload(text: string | Buffer, fileName = 'moodle.gift', title = 'Questions Moodle') {
  const token = await tokenFrom(agent, importUrl);
  return agent.post(importUrl).field('_csrf', token).field('title', title).attach('gift', Buffer.from(text), fileName);
}

describe('GIFT in the studio', () => {
  it('exports the published quizzes as a GIFT file Moodle can read', async () => {
    const res = await agent.get('/studio/courses/demo/gift/published').expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="demo-published.gift"');
    const questions = parseWithPegjs(res.text).filter((q) => q.type !== 'Category');
    expect(questions.map((q) => q.type)).toEqual(['MC', 'MC', 'TF', 'Short', 'Short', 'TF']);
  });

  it('imports that file back into the draft as new modules whose quizzes the course checker accepts', async () => {
    const gift = (await agent.get('/studio/courses/demo/gift/published').expect(200)).text;
    const page = await agent.get('/studio/courses/demo').expect(200);
    expect(page.text).toContain(`href="${importUrl}"`);
    const res = await upload(gift);
    expect(res.status, res.text.slice(0, 2000)).toBe(303);
    expect(res.headers.location).toBe('/studio/courses/demo?notice=giftImported');
    const draft = path.join(t.draftsDir, 'demo');
    const files = (await readdir(draft)).filter((f) => f.endsWith('.md') && f !== 'course.md').sort();
    // Two modules per category (one per module of the course), placed before the final assessment.
    expect(files).toEqual(['01-premier.md', '02-premier-module.md', '03-evaluation-finale.md', '04-evaluation.md']);
    const { course, issues } = await loadCourse(draft, { displayRoot: t.draftsDir });
    expect(issues).toEqual([]);
    const [original, imported] = [course!.modules[0]!.quiz!, course!.modules[1]!.quiz!];
    expect(imported.questions.map((q) => [q.type, q.prompt, q.answers])).toEqual(
      original.questions.map((q) => [q.type, q.prompt, q.answers]),
    );
    expect(imported.questions.map((q) => q.choices.map((c) => [c.text, c.correct, c.feedbackHtml]))).toEqual(
      original.questions.map((q) => q.choices.map((c) => [c.text, c.correct, c.feedbackHtml])),
    );
    expect(await readFile(path.join(draft, '02-premier-module.md'), 'utf8')).toContain('## Quiz');
  });

  it('refuses a file with questions Passerelle cannot take, line by line in French, and changes nothing', async () => {
    const before = await readdir(path.join(t.draftsDir, 'demo'));
    const res = await upload('Bonne ? {=Oui ~Non}\n\nCombien ? {#4}\n\nRacontez. {}\n', 'banque.gift');
    expect(res.status).toBe(422);
    expect(res.text).toContain('banque.gift, ligne 3');
    expect(res.text).toContain('question numérique');
    expect(res.text).toContain('banque.gift, ligne 5');
    expect(res.text).toContain('question ouverte');
    expect(res.text).toContain('Le brouillon n’a pas changé.');
    expect(res.text).toContain('value="Questions Moodle"');
    expect(await readdir(path.join(t.draftsDir, 'demo'))).toEqual(before);
    expect((await upload('', 'vide.gift')).status).toBe(400);
    const latin = await upload(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x7b, 0x54, 0x7d]), 'latin.gift');
    expect(latin.status).toBe(400);
    expect(latin.text).toContain('pas du texte UTF-8');
  });

  it('is for trainers: a learner cannot export or import', async () => {
    const learner = (await studioAgent(t, 'learner')).agent;
    const res = await learner.get('/studio/courses/demo/gift/published');
    expect([403, 404]).toContain(res.status);
    expect([403, 404]).toContain((await learner.get(importUrl)).status);
  });
});
