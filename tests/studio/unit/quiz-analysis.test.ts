import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../server/learning/schema.ts';
import { NotFoundError } from '../../../server/shared/errors.ts';
import { courseAttemptsByModule, moduleAttemptsByVersion } from '../../../server/studio/queries.ts';
import { moduleQuizAnalysis } from '../../../server/studio/use-cases/module-quiz-analysis.ts';
import { quizAnalysis } from '../../../server/studio/use-cases/quiz-analysis.ts';
import { openStudioContexts, type StudioTestContext } from '../studio-test-context.ts';

const open = openStudioContexts();

let counter = 0;
async function addAttempts(t: StudioTestContext, rows: Partial<Attempt>[]) {
  await t.store.transact((tx) => {
    for (const row of rows) {
      counter += 1;
      tx.put('attempts', {
        id: `a${counter}`,
        userId: 'u1',
        course: 'demo',
        module: 'premier',
        courseVersion: 2,
        contentHash: 'h',
        createdAt: '2026-11-23T09:00:00.000Z',
        answers: { q1: 'c2' },
        correct: { q1: true },
        score: 100,
        passMark: 75,
        passed: true,
        ...row,
      });
    }
  });
}

describe('the attempts queries', () => {
  it('group a course’s attempts by module, then by the version they were taken on', async () => {
    const t = await open();
    await addAttempts(t, [{}, { courseVersion: 1 }, { module: 'evaluation' }, { course: 'autre' }]);
    const byModule = await courseAttemptsByModule(t.store, 'demo');
    expect([...byModule.keys()].sort()).toEqual(['evaluation', 'premier']);
    expect([...byModule.get('premier')!.entries()].map(([v, list]) => [v, list.length]).sort()).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect((await moduleAttemptsByVersion(t.store, 'demo', 'absent')).size).toBe(0);
  });
});

describe('quizAnalysis', () => {
  it('lists each quiz of the published version with its attempts by version', async () => {
    const t = await open();
    await addAttempts(t, [{}, {}, { courseVersion: 1 }]);
    const { course, modules } = await quizAnalysis(t.ctx, 'demo');
    expect(course?.version).toBe(2);
    const premier = modules.find((m) => m.module.slug === 'premier');
    expect(premier?.byVersion.get(2)).toHaveLength(2);
    expect(premier?.byVersion.get(1)).toHaveLength(1);
    await expect(quizAnalysis(t.ctx, 'inconnu')).rejects.toThrow(NotFoundError);
  });
});

describe('moduleQuizAnalysis', () => {
  it('analyses the published version by default, and tells the versions that have attempts', async () => {
    const t = await open();
    await addAttempts(t, [{ userId: 'u1' }, { userId: 'u1' }, { userId: 'u2' }, { courseVersion: 1 }]);
    const analysis = await moduleQuizAnalysis(t.ctx, 'demo', 'premier', undefined);
    expect(analysis).toMatchObject({ version: 2, currentVersion: 2, attemptCount: 3, learnerCount: 2 });
    expect(analysis.versions).toEqual([
      { version: 2, count: 3 },
      { version: 1, count: 1 },
    ]);
    expect(analysis.stats?.[0]).toMatchObject({ answered: 3, succeeded: 3 });
  });

  it('says when a version’s content is not kept, and refuses a module without quiz or attempts', async () => {
    const t = await open();
    await addAttempts(t, [{ courseVersion: 1 }]);
    const old = await moduleQuizAnalysis(t.ctx, 'demo', 'premier', 1);
    expect(old).toMatchObject({ version: 1, attemptCount: 1, stats: undefined });
    await expect(moduleQuizAnalysis(t.ctx, 'demo', 'inconnu', undefined)).rejects.toThrow(NotFoundError);
  });
});
