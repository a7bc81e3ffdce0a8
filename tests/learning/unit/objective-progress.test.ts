import { describe, expect, it } from 'vitest';
import type { Course, Module } from '../../../server/catalog/course.ts';
import { aggregateObjectiveProgress, minimumGroupSize } from '../../../server/learning/aggregate-objective-progress.ts';
import type { ObjectiveProgress } from '../../../server/learning/objective-progress.ts';
import {
  countedFinalAttempt,
  learnerObjectiveProgress,
  objectivesToReview,
} from '../../../server/learning/objective-progress.ts';
import type { Attempt } from '../../../server/learning/schema.ts';
import { tallyObjectives } from '../../../server/learning/tally-objectives.ts';
import { question, quiz } from './fixtures.ts';

const tagged = (id: string, objectives: number[]) => question(id, 'single', { right: ['c1'], objectives });

function mod(slug: string, fields: Partial<Module>, objectives: number[][] = []): Module {
  const questions = objectives.map((o, i) => tagged(`q${i + 1}`, o));
  return {
    slug,
    title: `Module ${slug}`,
    isFinal: false,
    positioning: false,
    quiz: questions.length > 0 ? quiz(questions) : undefined,
    ...fields,
  } as Module;
}

const course = {
  slug: 'c',
  objectives: ['Orienter', 'Proposer un autre chemin', 'Expliquer'],
  modules: [
    mod('positionnement', { positioning: true }, [[1], [2]]),
    mod('orienter', {}, [[1]]),
    mod('chemins', {}, [[2], [1, 2]]),
    mod('lire', {}),
    mod('evaluation', { isFinal: true }, [[1], [2]]),
  ],
} as Pick<Course, 'slug' | 'objectives' | 'modules'>;

let n = 0;
function attempt(module: string, createdAt: string, score: number, byObjective?: Attempt['byObjective']): Attempt {
  n += 1;
  return {
    id: `a${n}`,
    userId: 'u',
    course: 'c',
    module,
    courseVersion: 1,
    contentHash: 'h',
    createdAt,
    answers: {},
    correct: {},
    score,
    passMark: 80,
    passed: score >= 80,
    ...(byObjective && { byObjective }),
  };
}

describe('the per-objective tally of an attempt', () => {
  it('counts each question for every objective it is tagged to', () => {
    const questions = [tagged('q1', [1]), tagged('q2', [1, 2]), tagged('q3', [2]), tagged('q4', [])];
    expect(tallyObjectives(questions, { q1: true, q2: false, q3: true, q4: false })).toEqual({
      '1': { asked: 2, right: 1 },
      '2': { asked: 2, right: 1 },
    });
  });

  it('records nothing when no question asked is tagged', () => {
    expect(tallyObjectives([tagged('q1', [])], { q1: true })).toBeUndefined();
  });
});

describe('a learner’s progress per objective', () => {
  it('takes « before » from the positioning and « after » from the best final attempt', () => {
    const attempts = [
      attempt('positionnement', '2026-11-20T09:00:00Z', 50, {
        '1': { asked: 2, right: 0 },
        '2': { asked: 1, right: 1 },
      }),
      attempt('evaluation', '2026-11-21T09:00:00Z', 50, { '1': { asked: 2, right: 1 }, '2': { asked: 2, right: 1 } }),
      attempt('evaluation', '2026-11-22T09:00:00Z', 100, { '1': { asked: 2, right: 2 }, '2': { asked: 2, right: 2 } }),
      attempt('evaluation', '2026-11-23T09:00:00Z', 75, { '1': { asked: 2, right: 1 }, '2': { asked: 2, right: 2 } }),
    ];
    expect(learnerObjectiveProgress(course, attempts)).toEqual([
      { number: 1, text: 'Orienter', before: 0, after: 100 },
      { number: 2, text: 'Proposer un autre chemin', before: 100, after: 100 },
      { number: 3, text: 'Expliquer', before: undefined, after: undefined },
    ]);
  });

  it('counts the latest of equally good final attempts, and nothing without a positioning', () => {
    const first = attempt('evaluation', '2026-11-21T09:00:00Z', 80);
    const second = attempt('evaluation', '2026-11-22T09:00:00Z', 80);
    expect(countedFinalAttempt([second, first])).toBe(second);
    const withoutPositioning = { ...course, modules: course.modules.filter((m) => !m.positioning) };
    expect(learnerObjectiveProgress(withoutPositioning, [first])).toEqual([]);
  });
});

describe('the objectives to review after a failed attempt', () => {
  it('lists the missed objectives in course order with the modules whose quizzes practise them', () => {
    const failed = attempt('evaluation', '2026-11-21T09:00:00Z', 33, {
      '2': { asked: 1, right: 0 },
      '1': { asked: 2, right: 1 },
      '3': { asked: 1, right: 1 },
    });
    expect(objectivesToReview(course, failed)).toEqual([
      {
        number: 1,
        text: 'Orienter',
        modules: [
          { href: '/courses/c/orienter', title: 'Module orienter' },
          { href: '/courses/c/chemins', title: 'Module chemins' },
        ],
      },
      {
        number: 2,
        text: 'Proposer un autre chemin',
        modules: [{ href: '/courses/c/chemins', title: 'Module chemins' }],
      },
    ]);
  });

  it('lists nothing for an untagged quiz, and ignores an objective the course no longer has', () => {
    expect(objectivesToReview(course, attempt('evaluation', '2026-11-21T09:00:00Z', 0))).toEqual([]);
    expect(objectivesToReview(course, { byObjective: { '9': { asked: 1, right: 0 } } })).toEqual([]);
  });
});

describe('the aggregate of a group of learners', () => {
  const learner = (before1?: number, after1?: number, before2?: number, after2?: number): ObjectiveProgress[] => [
    { number: 1, text: 'Orienter', before: before1, after: after1 },
    { number: 2, text: 'Chemin', before: before2, after: after2 },
  ];

  it('averages before and after over the learners measured both times, objective by objective', () => {
    const group = [
      learner(0, 100, 50, 100),
      learner(50, 100, 50, 50),
      learner(0, 50, 100, 100),
      learner(100, 100, 0, 100),
      learner(0, 100, 50, 100),
      // Skipped the positioning: says nothing of progress.
      learner(undefined, 0, undefined, 0),
    ];
    const summary = aggregateObjectiveProgress(['Orienter', 'Chemin'], group);
    expect(summary.learners).toBe(5);
    expect(summary.tooFew).toBe(false);
    expect(summary.objectives).toEqual([
      { number: 1, text: 'Orienter', learners: 5, before: 30, after: 90 },
      { number: 2, text: 'Chemin', learners: 5, before: 50, after: 90 },
    ]);
  });

  it(`shows no figure on fewer than ${minimumGroupSize} learners, objective by objective`, () => {
    const four = Array.from({ length: 4 }, () => learner(0, 100, 0, 100));
    const fewer = aggregateObjectiveProgress(['Orienter', 'Chemin'], four);
    expect(fewer.tooFew).toBe(true);
    expect(fewer.objectives.map((o) => [o.learners, o.before, o.after])).toEqual([
      [4, undefined, undefined],
      [4, undefined, undefined],
    ]);
    // Five measured on objective 1, four on objective 2: only objective 1 is shown.
    const mixed = aggregateObjectiveProgress(['Orienter', 'Chemin'], [...four, learner(100, 100, undefined, 100)]);
    expect(mixed.tooFew).toBe(false);
    expect(mixed.objectives.map((o) => [o.learners, o.before, o.after])).toEqual([
      [5, 20, 100],
      [4, undefined, undefined],
    ]);
  });
});
