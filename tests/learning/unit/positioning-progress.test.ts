import { describe, expect, it } from 'vitest';
import { summarizeCourseProgress } from '../../../server/learning/course-progress.ts';
import type { ModuleProgress } from '../../../server/learning/schema.ts';
import { course, enrollment, progress } from './fixtures.ts';

const base = course('demo', 'Démo', [
  { slug: 'positionnement', title: 'Positionnement', quiz: true },
  { slug: 'intro', title: 'Introduction' },
  { slug: 'evaluation', title: 'Évaluation', final: true },
]);
const demo = { ...base, modules: base.modules.map((m, i) => ({ ...m, positioning: i === 0 })) };
const byModule = (...rows: ModuleProgress[]) => new Map(rows.map((row) => [row.module, row]));
const passed = { passedAt: '2026-11-23T10:00:00.000Z', bestScore: 100 };

describe('a course with a positioning quiz', () => {
  it('sends a newcomer to the positioning first, but leaves it out of the count', () => {
    const summary = summarizeCourseProgress(demo, undefined, new Map());
    expect(summary).toMatchObject({ resumeSlug: 'positionnement', completedModules: 0, percent: 0 });
  });

  it('is skipped once another module is opened: the learner resumes at the first module', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'intro' }),
      byModule(progress('u', 'demo', 'intro')),
    );
    expect(summary.resumeSlug).toBe('evaluation');
    expect(summary.statuses.positionnement).toBe('not_started');
    expect(summary.percent).toBe(50);
  });

  it('counts a course complete at 100 % without the positioning', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'evaluation' }),
      byModule(progress('u', 'demo', 'intro'), progress('u', 'demo', 'evaluation', passed)),
    );
    expect(summary).toMatchObject({ completedModules: 2, percent: 100 });
  });

  it('goes on to the first module once the positioning is answered', () => {
    const summary = summarizeCourseProgress(
      demo,
      enrollment('u', 'demo', { lastModule: 'positionnement' }),
      byModule(progress('u', 'demo', 'positionnement', passed)),
    );
    expect(summary.resumeSlug).toBe('intro');
    expect(summary.completedModules).toBe(0);
  });
});
