import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { AttemptsExhaustedError } from '../../../server/learning/errors.ts';
import type { OnCourseCompleted } from '../../../server/learning/on-course-completed.ts';
import { moduleProgressId } from '../../../server/learning/progress-ids.ts';
import { submitQuiz } from '../../../server/learning/submit-quiz.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { fixturesDir } from '../../helpers/test-config.ts';

// The valid fixture: "premier" (4 questions, course pass mark 75 %) then the final "evaluation" (2 questions,
// 80 %, 3 attempts).
const rightPremier = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' };
const halfPremier = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c1', q4: 'Facebook' };
const rightFinal = { q1: 'deux', q2: 'c2' };
const wrongFinal = { q1: 'trois', q2: 'c1' };

let dir: string;
let store: AppStore;
let demo: Course;
let now: Date;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-submit-'));
  store = await openAppStore(dir);
  demo = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog.bySlug.get('demo')!;
  now = new Date('2026-11-23T09:00:00Z');
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const submit = (
  module: 'premier' | 'evaluation',
  answers: Record<string, string | string[]>,
  onCourseCompleted?: OnCourseCompleted,
) =>
  submitQuiz(
    { store, clock: () => now, onCourseCompleted },
    { userId: 'zoe', course: demo, module: demo.modules.find((m) => m.slug === module)!, answers },
  );

describe('submitting a quiz', () => {
  it('records the graded attempt with the course version it was taken on', async () => {
    const attempt = await submit('premier', halfPremier);
    expect(attempt).toMatchObject({
      userId: 'zoe',
      course: 'demo',
      module: 'premier',
      courseVersion: demo.version,
      contentHash: demo.contentHash,
      correct: { q1: true, q2: true, q3: false, q4: false },
      score: 50,
      passed: false,
    });
    expect(await store.get('attempts', attempt.id)).toEqual(attempt);
  });

  it('keeps the best score and the first pass: a later lower score undoes nothing', async () => {
    await submit('premier', rightPremier);
    const passedAt = now.toISOString();
    now = new Date('2026-11-23T09:05:00Z');
    await submit('premier', halfPremier);
    const progress = await store.get('progress', moduleProgressId('zoe', 'demo', 'premier'));
    expect(progress).toMatchObject({ bestScore: 100, passedAt, readAt: passedAt });
  });

  it('refuses an attempt beyond the quiz’s limit and records nothing', async () => {
    for (let i = 0; i < 3; i++) await submit('evaluation', wrongFinal);
    await expect(submit('evaluation', rightFinal)).rejects.toBeInstanceOf(AttemptsExhaustedError);
    expect(await store.findBy('attempts', 'userId', 'zoe')).toHaveLength(3);
  });

  it('completes the course on the pass that completes its last module, with the final score, in the same write', async () => {
    const completions: string[] = [];
    const onCompleted: OnCourseCompleted = async (tx, enrollment) => {
      completions.push(enrollment.completedAt!);
      // Inside the transaction: what it writes is durable with the attempt, or not at all.
      expect(await tx.get('enrollments', enrollment.id)).toMatchObject({ completedAt: enrollment.completedAt });
    };
    await submit('evaluation', rightFinal, onCompleted);
    expect(completions).toEqual([]);
    expect((await store.get('enrollments', 'zoe|demo'))?.completedAt).toBeNull();
    await submit('premier', rightPremier, onCompleted);
    expect(completions).toEqual([now.toISOString()]);
    expect(await store.get('enrollments', 'zoe|demo')).toMatchObject({
      completedAt: now.toISOString(),
      finalScore: 100,
    });
    await submit('premier', rightPremier, onCompleted);
    expect(completions).toHaveLength(1);
  });

  it('records nothing when the course-completed step fails', async () => {
    await submit('evaluation', rightFinal);
    const failing: OnCourseCompleted = async () => {
      throw new Error('certificate failed');
    };
    await expect(submit('premier', rightPremier, failing)).rejects.toThrow('certificate failed');
    expect(await store.findBy('attempts', 'userId', 'zoe')).toHaveLength(1);
    expect((await store.get('enrollments', 'zoe|demo'))?.completedAt).toBeNull();
  });
});
