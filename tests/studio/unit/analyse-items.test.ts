import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../server/catalog/load-course.ts';
import { analyseItems } from '../../../server/studio/analyse-items.ts';
import { fixturesDir } from '../../helpers/test-config.ts';

const wrong = { q1: 'c1', q2: ['c1'], q3: 'c1', q4: 'Facebook' };
const right = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: '  whats app ! ' };

describe('analyseItems', () => {
  it('computes, per question, who answered, how often each choice was picked and the success rate', async () => {
    const { course } = await loadCourse(path.join(fixturesDir, 'courses/valid/demo'), { displayRoot: fixturesDir });
    const quiz = course!.modules[0]!.quiz!;
    const attempt = (answers: Record<string, string | string[]>, correct: Record<string, boolean>) => ({
      answers,
      correct,
    });
    const stats = analyseItems(quiz, [
      attempt(wrong, { q1: false, q2: false, q3: false, q4: false }),
      attempt(wrong, { q1: false, q2: false, q3: false, q4: false }),
      attempt(right, { q1: true, q2: true, q3: true, q4: true }),
      attempt({ q1: 'c2', q2: [], q4: 'Facebook' }, { q1: true, q2: false, q3: false, q4: false }),
    ]);
    const [q1, q2, q3, q4] = stats;
    expect(q1).toMatchObject({ answered: 4, succeeded: 2, successRate: 50 });
    expect(q1!.choices.map((c) => [c.id, c.count, c.rate])).toEqual([
      ['c1', 2, 50],
      ['c2', 2, 50],
    ]);
    // A wrong choice picked as often as the right one: flagged.
    expect(q1!.misleadingChoice?.id).toBe('c1');
    // Unanswered questions are not counted as answered (an empty multiple choice, a missing answer).
    expect(q2).toMatchObject({ answered: 3, succeeded: 1, successRate: 33 });
    expect(q2!.choices.map((c) => c.count)).toEqual([3, 1, 0]);
    expect(q2!.misleadingChoice).toBeUndefined();
    expect(q3!.answered).toBe(3);
    expect(q4!.shortAnswers).toEqual([
      { text: 'facebook', count: 3, rate: 75, accepted: false, nearMiss: false },
      { text: 'whats app', count: 1, rate: 25, accepted: true, nearMiss: false },
    ]);
  });

  it('shows the short answers accepted only thanks to the typo tolerance', async () => {
    const { course } = await loadCourse(path.join(fixturesDir, 'courses/valid/demo'), { displayRoot: fixturesDir });
    const quiz = course!.modules[0]!.quiz!;
    const [, , , q4] = analyseItems(quiz, [
      { answers: { q4: 'Whatsap' }, correct: { q4: true } },
      { answers: { q4: 'Whatsap' }, correct: { q4: true } },
      { answers: { q4: 'WhatsApp' }, correct: { q4: true } },
    ]);
    expect(q4!.shortAnswers).toEqual([
      { text: 'whatsap', count: 2, rate: 67, accepted: true, nearMiss: true },
      { text: 'whatsapp', count: 1, rate: 33, accepted: true, nearMiss: false },
    ]);
  });
});
