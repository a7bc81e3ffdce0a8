// Course text comes from trainers and is parsed on the server's one event loop: every step must cost time in
// proportion to the text. Each payload below took seconds before its fix (security review, finding F1); the
// bound is generous so that a loaded machine does not fail the test, the payloads are not.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Course } from '../../server/catalog/course.ts';
import { formatCourseIssue } from '../../server/catalog/course-issue.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';
import { normalizeAnswer } from '../../server/catalog/normalize-answer.ts';
import { splitQuizSection } from '../../server/catalog/split-quiz-section.ts';
import { buildCourse } from './course-builder.ts';

const bound = 500;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Everything a learner's pages would render, so that lazy rendering is measured too. */
function renderAll(course: Course | undefined): number {
  let length = course?.introHtml.length ?? 0;
  for (const module of course?.modules ?? []) {
    length += module.htmlBefore.length + module.htmlAfter.length + module.toc.length;
    length += module.quiz?.introHtml.length ?? 0;
    for (const q of module.quiz?.questions ?? []) {
      length += q.promptHtml.length + q.explanationHtml.length;
      for (const c of q.choices) length += c.html.length + c.feedbackHtml.length;
    }
  }
  return length;
}

// YAML, Markdown and the sanitiser load on first use (decision 025): a valid course is checked and rendered
// once before anything is timed, as a running server has done before it meets these payloads.
beforeAll(async () => {
  const built = await buildCourse();
  try {
    renderAll((await loadCourse(built.dir, { displayRoot: built.root })).course);
  } finally {
    await built.remove();
  }
});

/**
 * Loads the valid course with `01-premier.md` replaced by `body` under a valid front matter, then renders it
 * unless told not to (marked's own cost, in proportion to the text, is not what some tests measure).
 */
async function loadModuleBody(body: string, { render = true } = {}) {
  const built = await buildCourse();
  onTestFinished(built.remove);
  await writeFile(
    path.join(built.dir, '01-premier.md'),
    `---\ntitre: M\nobjectifs:\n  - o\nduree: 10 min\n---\n${body}\n`,
  );
  const start = performance.now();
  const result = await loadCourse(built.dir, { displayRoot: built.root });
  if (render) renderAll(result.course);
  return { ...result, ms: performance.now() - start };
}

describe('quiz heading', () => {
  it('finds no quiz in a heading followed by thousands of spaces, at once', () => {
    const { value, ms } = timed(() => splitQuizSection(`## quiz${' '.repeat(3000)}x`));
    expect(value.quiz).toBeUndefined();
    expect(ms).toBeLessThan(bound);
  });

  it('loads and renders a module with that heading at once, as an ordinary heading', async () => {
    const { course, issues, ms } = await loadModuleBody(`## quiz${' '.repeat(3000)}x`);
    expect(issues).toEqual([]);
    expect(course?.modules[0]?.quiz).toBeUndefined();
    expect(ms).toBeLessThan(bound);
  });

  it.each([
    ['## Quiz', ''],
    ['## quiz', ''],
    ['##   Quiz   ', ''],
    ['## Quiz : évaluation', 'évaluation'],
    ['## Quiz — Vérifier ses acquis ##', 'Vérifier ses acquis'],
    ['## Quiz– court', 'court'],
    ['## Quiz -', ''],
    ['## Quiz ###', ''],
    ['## Quiz : C# ##', 'C#'],
    ['## Quiz :   ## a ##  ', '## a'],
  ])('reads « %s » as a quiz titled « %s »', (heading, title) => {
    expect(splitQuizSection(`${heading}\n1. Q ?\n   = a`).quiz?.title).toBe(title);
  });

  it.each(['## Quizz', '## Quiz suite', '### Quiz', '## Quiz #: x', '##Quiz', '# Quiz'])(
    'does not take « %s » for the quiz heading',
    (heading) => {
      expect(splitQuizSection(`${heading}\n1. Q ?\n   = a`).quiz).toBeUndefined();
    },
  );
});

describe('image and link checks', () => {
  it.each([
    ['opening brackets', `${'!['.repeat(4000)}](x`],
    ['unclosed links', '[a]('.repeat(2000)],
  ])('check a module full of %s at once', async (_what, line) => {
    const body = Array.from({ length: 20 }, () => line).join('\n\n');
    const { course, issues, ms } = await loadModuleBody(body, { render: false });
    expect(issues).toEqual([]);
    expect(course?.modules).toHaveLength(2);
    expect(ms).toBeLessThan(bound);
  });
});

describe('bounds on Markdown, before marked sees it', () => {
  const n = (value: number) => value.toLocaleString('fr-FR');

  it('refuses a line over 10,000 characters at its line, without rendering anything', async () => {
    const { course, issues, ms } = await loadModuleBody(`Intro.\n\n${'_a'.repeat(40_000)}\n\nFin.`);
    expect(course).toBeUndefined();
    expect(issues.map(formatCourseIssue)).toEqual([
      `demo/01-premier.md:9 — ligne trop longue (${n(80_000)} caractères, au plus ${n(10_000)}) : coupez-la en plusieurs lignes ou paragraphes.`,
    ]);
    expect(ms).toBeLessThan(bound);
  });

  it('refuses a file with more than 1,000 emphasis marks, where the limit is passed', async () => {
    const line = '*_a'.repeat(1500);
    const { course, issues, ms } = await loadModuleBody(
      `Intro.\n\n${Array.from({ length: 20 }, () => line).join('\n\n')}`,
    );
    expect(course).toBeUndefined();
    expect(issues.map(formatCourseIssue)).toEqual([
      `demo/01-premier.md:9 — trop de marques de mise en forme (*, _ ou ~) dans ce fichier : au plus ${n(1000)}. Retirez celles qui ne servent pas ou découpez le module.`,
    ]);
    expect(ms).toBeLessThan(bound);
  });

  it('counts no emphasis mark inside a code block', async () => {
    const { issues } = await loadModuleBody(`\`\`\`\n${'*_'.repeat(1000)}\n\`\`\`\n`);
    expect(issues).toEqual([]);
  });
});

describe('front matter', () => {
  /** Loads the valid course with the front matter of `01-premier.md` replaced by `yaml`. */
  async function loadFrontMatter(yaml: string) {
    const built = await buildCourse((f) => f.write('01-premier.md', `---\n${yaml}\n---\n\nTexte.\n`));
    onTestFinished(built.remove);
    const start = performance.now();
    const result = await loadCourse(built.dir, { displayRoot: built.root });
    return { issues: result.issues.map(formatCourseIssue), ms: performance.now() - start };
  }

  it('refuses explicit keys, whose conversion grows exponentially with their nesting, at once', async () => {
    const { issues, ms } = await loadFrontMatter(`titre: M\n${'? '.repeat(300)}`);
    expect(issues).toEqual([
      'demo/01-premier.md:3 — en-tête illisible : un texte qui commence par « ? » doit être écrit entre guillemets.',
    ]);
    expect(ms).toBeLessThan(bound);
  });

  it('refuses anchors and aliases, reporting an alias bomb instead of throwing', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(', ')}]`,
      );
    const { issues } = await loadFrontMatter(bomb.join('\n'));
    expect(issues).toEqual([
      'demo/01-premier.md:2 — en-tête illisible : un texte qui commence par « & » doit être écrit entre guillemets.',
    ]);
  });

  it('refuses brackets nested deeper than two levels', async () => {
    const { issues, ms } = await loadFrontMatter(
      Array.from({ length: 8 }, (_, i) => `k${i}: ${'['.repeat(1000)}`).join('\n'),
    );
    expect(issues).toEqual([
      'demo/01-premier.md:2 — en-tête illisible : crochets [ ] ou accolades { } imbriqués sur plus de 2 niveaux ; écrivez plutôt une liste, une ligne « - … » par élément.',
    ]);
    expect(ms).toBeLessThan(bound);
  });

  it('refuses a front matter over 20,000 characters before parsing it', async () => {
    const yaml = Array.from({ length: 3000 }, (_, i) => `k${String(i).padStart(4, '0')}: v`).join('\n');
    const { issues, ms } = await loadFrontMatter(yaml);
    expect(issues).toEqual([
      `demo/01-premier.md:1 — en-tête trop long (${(yaml.length).toLocaleString('fr-FR')} caractères, au plus ${(20_000).toLocaleString('fr-FR')}) : il ne contient que les champs ; le texte du module va après la seconde ligne « --- ».`,
    ]);
    expect(ms).toBeLessThan(bound);
  });
});

describe('issues of one file', () => {
  it('lists the first hundred and says there are more, at once', async () => {
    const { issues, ms } = await loadModuleBody(`## Quiz\n\n1. Q ?\n   = a\n${'x\n'.repeat(20_000)}`, {
      render: false,
    });
    expect(issues).toHaveLength(101);
    expect(formatCourseIssue(issues[100]!)).toBe(
      'demo/01-premier.md:111 — d’autres problèmes suivent dans ce fichier : corrigez ceux-ci, puis vérifiez à nouveau.',
    );
    expect(ms).toBeLessThan(bound);
  });
});

describe('short answer normalisation', () => {
  it('keeps inner punctuation of a long answer and takes time in proportion to it', () => {
    const answer = `a${'!'.repeat(100_000)}a`;
    const { value, ms } = timed(() => normalizeAnswer(answer));
    expect(value).toBe(answer);
    expect(ms).toBeLessThan(bound);
  });

  it('trims long runs of surrounding spaces and punctuation at once', () => {
    const { value, ms } = timed(() => normalizeAnswer(`${'« '.repeat(50_000)}Réseaux ${'?! '.repeat(50_000)}`));
    expect(value).toBe('reseaux');
    expect(ms).toBeLessThan(bound);
  });
});
