import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Course, Module, Question } from '../../server/catalog/course.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { normalizeAnswer } from '../../server/catalog/normalize-answer.ts';

/*
 * The bundled quizzes must measure the course, not test-taking skill: a learner who never reads it and
 * answers by the look of the choices (the longest, a fixed position, "all but the odd one out") must
 * score well below the pass mark, and the usual cues (length, position, answers printed nearby) must
 * not point to the key.
 */

const root = path.resolve(import.meta.dirname, '../..');
let courses: Course[];

beforeAll(async () => {
  const { catalog, issues } = await loadCatalog(path.join(root, 'courses'), root);
  expect(issues).toEqual([]);
  courses = catalog.courses;
  expect(courses.length).toBe(2);
});

/** Words that make a statement sound false or a choice sound extreme to a test-wise reader. */
const absoluteWords =
  /\b(suffit|suffire|suffisent|uniquement|seulement|seul|seule|toujours|jamais|tous|toutes|tout|aucun|aucune|rien|déjà|forcément|interdire)\b/i;

const chars = (text: string) => [...text].length;
const rightIds = (q: Question) => q.choices.filter((c) => c.correct).map((c) => c.id);
const longest = (q: Question) => q.choices.reduce((a, b) => (chars(b.text) > chars(a.text) ? b : a));
const shortest = (q: Question) => q.choices.reduce((a, b) => (chars(b.text) < chars(a.text) ? b : a));
const byLength = (q: Question) => [...q.choices].sort((a, b) => chars(b.text) - chars(a.text));
const choiceNamed = (q: Question, label: string) => q.choices.find((c) => c.text === label)!;

type Pick = (q: Question) => string[];

interface Strategy {
  name: string;
  single: Pick;
  truefalse: Pick;
  multiple: Pick;
}

/** Content-blind ways of answering: none reads the course, and none may come near the pass mark. */
const strategies: Strategy[] = [
  {
    name: 'longest choice, always true, all but the shortest',
    single: (q) => [longest(q).id],
    truefalse: (q) => [choiceNamed(q, 'Vrai').id],
    multiple: (q) => q.choices.filter((c) => c !== shortest(q)).map((c) => c.id),
  },
  {
    name: 'longest choice, false when absolute words, tick what has none',
    single: (q) => [longest(q).id],
    truefalse: (q) => [choiceNamed(q, absoluteWords.test(q.prompt) ? 'Faux' : 'Vrai').id],
    multiple: (q) => q.choices.filter((c) => !absoluteWords.test(c.text)).map((c) => c.id),
  },
  {
    name: 'second choice, always false, tick all',
    single: (q) => [q.choices[Math.min(1, q.choices.length - 1)]!.id],
    truefalse: (q) => [choiceNamed(q, 'Faux').id],
    multiple: (q) => q.choices.map((c) => c.id),
  },
  {
    name: 'first choice, always true, the longer half',
    single: (q) => [q.choices[0]!.id],
    truefalse: (q) => [choiceNamed(q, 'Vrai').id],
    multiple: (q) =>
      byLength(q)
        .slice(0, Math.ceil(q.choices.length / 2))
        .map((c) => c.id),
  },
  {
    name: 'last choice, always false, all but the shortest',
    single: (q) => [q.choices.at(-1)!.id],
    truefalse: (q) => [choiceNamed(q, 'Faux').id],
    multiple: (q) => q.choices.filter((c) => c !== shortest(q)).map((c) => c.id),
  },
];

/** A blind learner leaves short answers empty: there is nothing on the page to copy (checked below). */
function blindScore(module: Module, strategy: Strategy): number {
  const questions = module.quiz!.questions;
  const right = questions.filter((q) => {
    if (q.type === 'short') return false;
    const given = new Set(strategy[q.type](q));
    const key = rightIds(q);
    return given.size === key.length && key.every((id) => given.has(id));
  }).length;
  return Math.round((right / questions.length) * 100);
}

const quizModules = (course: Course) => course.modules.filter((m) => m.quiz);
const questionsOf = (course: Course) => quizModules(course).flatMap((m) => m.quiz!.questions);
const singles = (course: Course) => questionsOf(course).filter((q) => q.type === 'single');

/** Plain words of a text, folded like short answers are, for whole-word comparisons. */
const words = (text: string) =>
  ` ${normalizeAnswer(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** The phrases that ask the learner to act or to examine an assumption in a described situation. */
const situationAsk =
  /Que feriez-vous \?|supposé[^?]*\?|Que (lui )?répondriez-vous \?|Que pouvez-vous (lui |leur )?(proposer|faire)|Par quoi commencez-vous \?|(attribution|lecture) est (exacte|fidèle)|Quelle est l'erreur/;

describe('bundled quizzes resist content-blind answering', () => {
  it('give every blind strategy a score well below the pass mark on every quiz', () => {
    for (const course of courses) {
      for (const module of quizModules(course)) {
        for (const strategy of strategies) {
          const score = blindScore(module, strategy);
          expect(score, `${course.slug}/${module.file}: ${strategy.name}`).toBeLessThanOrEqual(
            module.quiz!.passMark - 20,
          );
        }
      }
    }
  });

  it('keep each blind strategy under 40 % over a whole course', () => {
    for (const course of courses) {
      for (const strategy of strategies) {
        const modules = quizModules(course);
        const mean = modules.reduce((sum, m) => sum + blindScore(m, strategy), 0) / modules.length;
        expect(mean, `${course.slug}: ${strategy.name}`).toBeLessThan(40);
      }
    }
  });

  it('make the right single choice the longest in at most a third of the questions', () => {
    for (const course of courses) {
      const questions = singles(course);
      const longestIsRight = questions.filter((q) => longest(q).correct).length;
      expect(longestIsRight / questions.length, course.slug).toBeLessThanOrEqual(1 / 3);
    }
  });

  it('keep single choices of similar length (the longest at most twice the shortest)', () => {
    for (const course of courses) {
      for (const q of singles(course)) {
        expect(chars(longest(q).text) / chars(shortest(q).text), `${course.slug} ${q.prompt}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('spread the right single choice over the positions', () => {
    for (const course of courses) {
      const positions = singles(course).map((q) => q.choices.findIndex((c) => c.correct));
      for (const position of [0, 1, 2]) {
        const share = positions.filter((p) => p === position).length / positions.length;
        expect(share, `${course.slug} position ${position + 1}`).toBeGreaterThanOrEqual(0.2);
        expect(share, `${course.slug} position ${position + 1}`).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('balance true and false statements', () => {
    for (const course of courses) {
      const statements = questionsOf(course).filter((q) => q.type === 'truefalse');
      const truths = statements.filter((q) => choiceNamed(q, 'Vrai').correct).length;
      expect(truths / statements.length, course.slug).toBeGreaterThanOrEqual(0.3);
      expect(truths / statements.length, course.slug).toBeLessThanOrEqual(0.7);
    }
  });

  it('never build a multiple-choice question as "tick all but the odd one out"', () => {
    for (const course of courses) {
      for (const q of questionsOf(course).filter((q) => q.type === 'multiple')) {
        const key = rightIds(q).length;
        expect(key, `${course.slug} ${q.prompt}`).toBeGreaterThanOrEqual(2);
        expect(key, `${course.slug} ${q.prompt}`).toBeLessThanOrEqual(q.choices.length - 2);
      }
    }
  });

  it('never print a short answer in the module title or in another question of the same quiz', () => {
    for (const course of courses) {
      for (const module of quizModules(course)) {
        const questions = module.quiz!.questions;
        for (const q of questions.filter((q) => q.type === 'short')) {
          const visible = words(
            [
              module.title,
              ...questions.filter((o) => o !== q).flatMap((o) => [o.prompt, ...o.choices.map((c) => c.text)]),
            ].join(' '),
          );
          for (const answer of q.answers) {
            expect(visible.includes(words(answer)), `${course.slug}/${module.file} q${q.number}: « ${answer} »`).toBe(
              false,
            );
          }
        }
      }
    }
  });

  it('accept the reasonable variants of each short answer', () => {
    for (const course of courses) {
      for (const q of questionsOf(course).filter((q) => q.type === 'short')) {
        expect(q.answers.length, `${course.slug} ${q.prompt}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('ask about situations in at least half of the questions of each course', () => {
    for (const course of courses) {
      const questions = questionsOf(course);
      const situations = questions.filter((q) => situationAsk.test(q.prompt)).length;
      expect(situations / questions.length, course.slug).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('shuffle every quiz, and ask new questions in the final assessment with a limited number of attempts', () => {
    for (const course of courses) {
      const final = course.modules.find((m) => m.isFinal)!;
      expect(final.quiz!.maxAttempts, course.slug).toBeGreaterThan(0);
      for (const module of quizModules(course)) expect(module.quiz!.shuffle, module.file).toBe(true);
      const moduleGrams = new Set(
        course.modules
          .filter((m) => !m.isFinal && m.quiz)
          .flatMap((m) => m.quiz!.questions.flatMap((q) => grams(q.prompt, 6))),
      );
      for (const q of final.quiz!.questions) {
        const shared = grams(q.prompt, 6).filter((g) => moduleGrams.has(g));
        expect(shared, `${course.slug} final q${q.number}`).toEqual([]);
      }
    }
  });
});

/** Word n-grams of a prompt, without the « Vrai ou faux : » that opens every statement. */
function grams(text: string, n: number): string[] {
  const list = words(text.replace(/^Vrai ou faux\s*:\s*/i, ''))
    .trim()
    .split(' ');
  return list.slice(0, Math.max(0, list.length - n + 1)).map((_, i) => list.slice(i, i + n).join(' '));
}
