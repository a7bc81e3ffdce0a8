import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { fixturesDir } from '../../helpers/test-config.ts';

// Each of these mistakes puts quiz lines where Markdown is shown as written: accepted, the module page
// would print « (x) » beside the right answer. The catalog must refuse them, so no learner page shows them.
const leaking = [
  'choice-before-first-question',
  'choice-outside-quiz',
  'glued-checkbox-marker',
  'glued-radio-marker',
  'heading-inside-quiz',
  'heading-level-three',
  'heading-questions',
  'heading-quiz-du-module',
  'odd-choice-marker',
  'second-quiz-section',
];
const corpusDir = path.join(fixturesDir, 'courses/malformed');

let root: string;
let t: TestApp;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-leaks-'));
  for (const name of leaking) await cp(path.join(corpusDir, name), path.join(root, name), { recursive: true });
  // The same course written right, with a checklist outside the quiz: task lists are ordinary content.
  await cp(path.join(corpusDir, 'heading-level-three'), path.join(root, 'correct'), { recursive: true });
  const module = path.join(root, 'correct', '01-module.md');
  const text = (await readFile(module, 'utf8'))
    .replace('### Quiz', '## Quiz')
    .replace('Un module court.', 'Un module court.\n\n## À préparer\n\n- [x] La salle\n- [ ] Les badges');
  await writeFile(module, text);
  t = await createTestApp({ coursesDir: root });
});
afterAll(async () => {
  await t.close();
  await rm(root, { recursive: true, force: true });
});

describe('the answer key never reaches a learner page', () => {
  it('serves the course written right, its quiz as a form without the key, feedback or explanation', async () => {
    const html = (await request(t.app).get('/courses/correct/module').expect(200)).text;
    expect(html).toContain('La salle');
    expect(html).toContain('type="radio" id="q1-c2" name="q1" value="c2"');
    expect(html).toContain('La bonne');
    for (const key of ['(x)', '[x]', '( )', '[ ]', '= passerelle', 'Oui.', 'Non.', 'une explication', 'checked']) {
      expect(html).not.toContain(key);
    }
  });

  it.each(leaking)('refuses %s: no page and no catalog entry', async (name) => {
    await request(t.app).get(`/courses/${name}/module`).expect(404);
    const catalog = (await request(t.app).get('/courses').expect(200)).text;
    expect(catalog).not.toContain(`/courses/${name}`);
    expect(t.catalog.bySlug.has(name)).toBe(false);
  });
});
