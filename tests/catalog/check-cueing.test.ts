import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCueing } from '../../server/catalog/check-cueing.ts';
import type { Course } from '../../server/catalog/course.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

const sheet = `---
titre: Cours
resume: Un cours.
public: Tout le monde
objectifs:
  - Apprendre
duree: 10 min
auteurs:
  - Équipe
---
`;

/** Writes a course whose modules have these quizzes (a module per quiz), and loads it. */
async function writeCourse(modules: { title?: string; quiz: string; shuffle?: boolean }[]): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-cueing-'));
  roots.push(root);
  const dir = path.join(root, 'cours');
  await mkdir(dir);
  await writeFile(path.join(dir, 'course.md'), sheet);
  for (const [i, m] of modules.entries()) {
    const settings = m.shuffle ? 'quiz:\n  melanger: true\n' : '';
    const front = `---\ntitre: ${m.title ?? `Module ${i + 1}`}\nobjectifs:\n  - Lire\nduree: 5 min\n${settings}---\n`;
    await writeFile(path.join(dir, `0${i + 1}-module-${i + 1}.md`), `${front}\n## Quiz\n\n${m.quiz}\n`);
  }
  return dir;
}

async function courseOf(modules: Parameters<typeof writeCourse>[0]): Promise<Course> {
  const { course, issues } = await loadCourse(await writeCourse(modules), { displayRoot: os.tmpdir() });
  expect(issues).toEqual([]);
  return course!;
}

const warningsOf = async (modules: Parameters<typeof writeCourse>[0]) =>
  checkCueing(await courseOf(modules)).map((w) => `${w.file}:${w.line} ${w.message.split(' : ')[0]}`);

/** A single-choice question whose right answer is at `right` (0-based), `long` making it the longest. */
const single = (n: number, right: number, long = false) =>
  `${n}. Question ${n} ?\n${[0, 1, 2]
    .map(
      (i) =>
        `   - (${i === right ? 'x' : ' '}) ${i === right && long ? 'Une réponse bien plus longue que les autres' : `Choix ${n}-${i}`}`,
    )
    .join('\n')}`;

describe('cueing check', () => {
  it('warns when the right answer is the longest choice in most single-choice questions of a quiz', async () => {
    expect(await warningsOf([{ quiz: [single(1, 0, true), single(2, 1, true), single(3, 2)].join('\n') }])).toEqual([
      '01-module-1.md:8 la bonne réponse est le choix le plus long dans 2 questions à choix unique sur 3 (questions 1, 2)',
    ]);
    expect(await warningsOf([{ quiz: [single(1, 0, true), single(2, 1), single(3, 2)].join('\n') }])).toEqual([]);
  });

  it('warns when the right answer is always at the same position, unless choices are shuffled', async () => {
    const quiz = [single(1, 1), single(2, 1), single(3, 1)].join('\n');
    expect(await warningsOf([{ quiz }])).toEqual([
      '01-module-1.md:8 la bonne réponse est le choix n° 2 dans toutes les questions à choix unique (3)',
    ]);
    expect(await warningsOf([{ quiz, shuffle: true }])).toEqual([]);
  });

  it('warns across the course when more than two thirds of its right answers share a position', async () => {
    const quiz = (a: number, b: number) => [single(1, a), single(2, b)].join('\n');
    const warnings = await warningsOf([{ quiz: quiz(1, 1) }, { quiz: quiz(1, 0) }, { quiz: quiz(1, 1) }]);
    expect(warnings).toEqual([
      '01-module-1.md:8 dans la formation, la bonne réponse est le choix n° 2 dans 5 questions à choix unique sur 6 dont les choix ne sont pas mélangés',
    ]);
    expect(await warningsOf([{ quiz: quiz(1, 1) }, { quiz: quiz(0, 2) }, { quiz: quiz(1, 0) }])).toEqual([]);
  });

  it('warns at each « all but one » multiple-choice question when they are most of the course’s', async () => {
    const allButOne = (n: number) =>
      `${n}. Lesquelles ?\n   - [x] A${n}\n   - [x] B${n}\n   - [x] C${n}\n   - [ ] D${n}`;
    const half = (n: number) => `${n}. Lesquelles ?\n   - [x] A${n}\n   - [x] B${n}\n   - [ ] C${n}\n   - [ ] D${n}`;
    expect(await warningsOf([{ quiz: `${allButOne(1)}\n${allButOne(2)}\n${half(3)}` }])).toEqual([
      '01-module-1.md:10 question 1',
      '01-module-1.md:15 question 2',
    ]);
    expect(await warningsOf([{ quiz: `${allButOne(1)}\n${half(2)}` }])).toEqual([]);
  });

  it('warns when a short answer is written in another question, the module title or a heading', async () => {
    const warnings = await warningsOf([
      {
        title: 'Quatre pistes pour agir',
        quiz: `1. Une direction qui voit le numérique comme une contrainte ?\n   - (x) Oui\n   - ( ) Non\n2. Comme quoi ?\n   = Contrainte\n3. Combien de pistes ?\n   = 4\n   = quatre\n4. Quel mot ?\n   = levier`,
      },
    ]);
    expect(warnings).toEqual(['01-module-1.md:13 question 2', '01-module-1.md:15 question 3']);
    const [course] = [await courseOf([{ quiz: '1. Quel réseau ?\n   = TikTok\n2. Et le frein ?\n   = effrein' }])];
    expect(checkCueing(course!)).toEqual([]);
  });
});

describe('courses:check --strict', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/check-courses-cli.ts', ...args]).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  it('prints warnings without failing, and fails on them with --strict', async () => {
    const dir = await writeCourse([{ quiz: [single(1, 1), single(2, 1), single(3, 1)].join('\n') }]);
    const relaxed = await run([dir]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/01-module-1\.md:8 — avertissement : la bonne réponse est le choix n° 2/);
    expect(relaxed.stdout).toContain('1 avertissement(s)');
    const strict = await run(['--strict', dir]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('1 avertissement(s) : refusé avec --strict.');
    const clean = await writeCourse([{ quiz: [single(1, 0), single(2, 1), single(3, 2)].join('\n') }]);
    expect(await run(['--strict', clean])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Tout est correct.'),
    });
  });
});
