import { describe, expect, it } from 'vitest';
import type { Catalog, Course } from '../../../server/catalog/course.ts';
import { type LearningReader, learnerJourney } from '../../../server/learning/queries.ts';
import type { Attempt } from '../../../server/learning/schema.ts';
import { course, enrollment, progress } from './fixtures.ts';

type Rows = Record<string, { id: string; [field: string]: unknown }[]>;

/** A store holding these rows, that notes every read it answers. */
function storeOf(rows: Rows) {
  const reads: string[] = [];
  const reader = {
    get: async (coll: string, id: string) => {
      reads.push(`get ${coll}`);
      return rows[coll]?.find((row) => row.id === id);
    },
    findBy: async (coll: string, field: string, value: unknown) => {
      reads.push(`findBy ${coll}`);
      return (rows[coll] ?? []).filter((row) => row[field] === value);
    },
  } as unknown as LearningReader;
  return { reader, reads };
}

const catalogOf = (...courses: Course[]): Catalog => ({ courses, bySlug: new Map(courses.map((c) => [c.slug, c])) });

const numerique = course('numerique', 'Culture numérique', [
  { slug: 'usages', title: 'Les usages' },
  { slug: 'outils', title: 'Les outils', quiz: true },
  { slug: 'evaluation', title: 'Évaluation', final: true },
]);
const accueil = course('accueil', 'Accueillir', [
  { slug: 'premier', title: 'Premier contact' },
  { slug: 'suivi', title: 'Le suivi' },
]);
const catalog = catalogOf(numerique, accueil);

const attempt = (n: number, fields: Partial<Attempt> = {}) => ({
  id: `a${n}`,
  userId: 'zoe',
  course: 'numerique',
  module: 'outils',
  createdAt: new Date(Date.UTC(2026, 10, 23, 9, n)).toISOString(),
  score: 50,
  passed: false,
  ...fields,
});

describe('the journey of a learner (« Mon parcours »)', () => {
  it('lists the courses in progress, most recently seen first, with how far they are and where to resume', async () => {
    const { reader } = storeOf({
      enrollments: [
        enrollment('zoe', 'numerique', { lastSeenAt: '2026-11-23T10:00:00.000Z', lastModule: 'outils' }),
        enrollment('zoe', 'accueil', { lastSeenAt: '2026-11-23T11:00:00.000Z', lastModule: 'premier' }),
        enrollment('other', 'numerique', { lastSeenAt: '2026-11-23T12:00:00.000Z' }),
      ],
      progress: [
        progress('zoe', 'numerique', 'usages'),
        progress('zoe', 'numerique', 'outils'),
        progress('zoe', 'accueil', 'premier'),
        progress('other', 'numerique', 'outils', { passedAt: '2026-11-23T12:00:00.000Z' }),
      ],
    });
    const journey = await learnerJourney(reader, catalog, 'zoe');
    expect(journey.completed).toEqual([]);
    expect(
      journey.inProgress.map((row) => ({
        title: row.title,
        done: row.progress?.completedModules,
        of: row.progress?.moduleCount,
        percent: row.progress?.percent,
        resume: [row.progress?.resumeSlug, row.progress?.resumeTitle],
      })),
    ).toEqual([
      { title: 'Accueillir', done: 1, of: 2, percent: 50, resume: ['suivi', 'Le suivi'] },
      { title: 'Culture numérique', done: 1, of: 3, percent: 33, resume: ['outils', 'Les outils'] },
    ]);
  });

  it('lists completed courses with their valid certificate, never a revoked one', async () => {
    const { reader } = storeOf({
      enrollments: [
        enrollment('zoe', 'numerique', { completedAt: '2026-11-24T10:00:00.000Z', finalScore: 90 }),
        enrollment('zoe', 'accueil', { completedAt: '2026-11-25T10:00:00.000Z' }),
      ],
      certificates: [
        { id: 'c-valid', userId: 'zoe', course: 'numerique', status: 'valid' },
        { id: 'c-revoked', userId: 'zoe', course: 'accueil', status: 'revoked' },
        { id: 'c-other', userId: 'other', course: 'accueil', status: 'valid' },
      ],
    });
    const journey = await learnerJourney(reader, catalog, 'zoe');
    expect(journey.inProgress).toEqual([]);
    expect(journey.completed.map((row) => [row.enrollment.course, row.certificateId])).toEqual([
      ['numerique', 'c-valid'],
      ['accueil', undefined],
    ]);
  });

  it('keeps a course that is no longer published, under the title recorded when it was started', async () => {
    const { reader } = storeOf({
      enrollments: [enrollment('zoe', 'ancien', { courseTitle: 'Ancienne formation' })],
      attempts: [attempt(1, { course: 'ancien', module: 'quiz-final' })],
    });
    const journey = await learnerJourney(reader, catalog, 'zoe');
    expect(journey.inProgress.map((row) => [row.title, row.progress])).toEqual([['Ancienne formation', undefined]]);
    expect(journey.attempts.map((a) => [a.courseTitle, a.moduleTitle])).toEqual([['Ancienne formation', 'quiz-final']]);
  });

  it('shows the latest 50 attempts, newest first, by their course and module titles', async () => {
    const { reader } = storeOf({
      attempts: [...Array.from({ length: 60 }, (_, n) => attempt(n)), attempt(99, { userId: 'other' })],
    });
    const journey = await learnerJourney(reader, catalog, 'zoe');
    expect(journey.attempts).toHaveLength(50);
    expect(journey.attempts[0]!.attempt.id).toBe('a59');
    expect(journey.attempts[49]!.attempt.id).toBe('a10');
    expect(journey.attempts[0]).toMatchObject({ courseTitle: 'Culture numérique', moduleTitle: 'Les outils' });
  });

  it('reads the store four times, however many courses and modules the learner has', async () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      course(
        `c${i}`,
        `Cours ${i}`,
        [1, 2, 3, 4, 5].map((m) => ({ slug: `m${m}`, title: `Module ${m}` })),
      ),
    );
    const { reader, reads } = storeOf({
      enrollments: many.map((c) => enrollment('zoe', c.slug, { lastModule: 'm1' })),
      progress: many.flatMap((c) => [progress('zoe', c.slug, 'm1'), progress('zoe', c.slug, 'm2')]),
    });
    const journey = await learnerJourney(reader, catalogOf(...many), 'zoe');
    expect(journey.inProgress).toHaveLength(10);
    expect(journey.inProgress.every((row) => row.progress?.completedModules === 2)).toBe(true);
    expect(reads.sort()).toEqual(['findBy attempts', 'findBy certificates', 'findBy enrollments', 'findBy progress']);
  });
});
