import { describe, expect, it } from 'vitest';
import { summarizeCourseProgress } from '../../../server/learning/course-progress.ts';
import type { ModuleProgress } from '../../../server/learning/schema.ts';
import { course, enrollment, progress } from './fixtures.ts';

const demo = course('demo', 'Démo', [
  { slug: 'intro', title: 'Introduction' },
  { slug: 'pratique', title: 'Pratique', quiz: true },
  { slug: 'evaluation', title: 'Évaluation', final: true },
]);
const byModule = (...rows: ModuleProgress[]) => new Map(rows.map((row) => [row.module, row]));
const passed = { passedAt: '2026-11-23T10:00:00.000Z', bestScore: 100 };

describe('a learner’s standing in a course', () => {
  it('starts a newcomer at the first module, with nothing completed', () => {
    const summary = summarizeCourseProgress(demo, undefined, new Map());
    expect(summary).toMatchObject({ completedModules: 0, percent: 0, resumeSlug: 'intro', seconds: 0 });
    expect(summary.statuses).toEqual({ intro: 'not_started', pratique: 'not_started', evaluation: 'not_started' });
  });

  it('counts a module read but whose quiz is not passed as read, not completed', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'pratique' }),
      byModule(progress('u', 'demo', 'intro'), progress('u', 'demo', 'pratique')),
    );
    expect(summary.statuses).toEqual({ intro: 'completed', pratique: 'read', evaluation: 'not_started' });
    expect(summary.completedModules).toBe(1);
    expect(summary.percent).toBe(33);
  });

  it('resumes at the module the learner was on while it is not completed', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'pratique' }),
      byModule(progress('u', 'demo', 'pratique')),
    );
    expect(summary.resumeSlug).toBe('pratique');
  });

  it('resumes at the first module not completed once the one they were on is', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'pratique' }),
      byModule(progress('u', 'demo', 'pratique', passed)),
    );
    expect(summary.resumeSlug).toBe('intro');
  });

  it('resumes at the last module seen once everything is completed', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'pratique' }),
      byModule(
        progress('u', 'demo', 'intro'),
        progress('u', 'demo', 'pratique', passed),
        progress('u', 'demo', 'evaluation', passed),
      ),
    );
    expect(summary).toMatchObject({ completedModules: 3, percent: 100, resumeSlug: 'pratique' });
  });

  it('ignores a last module that the course no longer has', () => {
    const summary = summarizeCourseProgress(demo, enrollment('u', 'demo', { lastModule: 'retire' }), new Map());
    expect(summary.resumeSlug).toBe('intro');
  });

  it('adds up the time spent in each module of the course', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo'),
      byModule(progress('u', 'demo', 'intro', { seconds: 300 }), progress('u', 'demo', 'pratique', { seconds: 45 })),
    );
    expect(summary.seconds).toBe(345);
  });
});
