import { describe, expect, it } from 'vitest';
import { drawQuestionIds, quizAsked } from '../../../server/learning/draw-questions.ts';
import { question, quiz } from './fixtures.ts';

const bank = quiz(
  ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => question(id, 'single', { right: ['c1'] })),
  {
    draw: 3,
  },
);

describe('drawing questions from a bank', () => {
  it('asks the drawn number of questions, in the authored order, the same for the same seed', () => {
    const ids = drawQuestionIds(bank, 'seed-a');
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort());
    expect(drawQuestionIds(bank, 'seed-a')).toEqual(ids);
  });

  it('draws differently for other seeds, and every question gets asked', () => {
    const draws = Array.from({ length: 40 }, (_, i) => drawQuestionIds(bank, `seed-${i}`).join());
    expect(new Set(draws).size).toBeGreaterThan(5);
    expect(new Set(draws.flatMap((d) => d.split(',')))).toEqual(new Set(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']));
  });

  it('asks every question of a quiz without a draw, or with a draw as large as the bank', () => {
    expect(drawQuestionIds({ ...bank, draw: undefined }, 's')).toHaveLength(6);
    expect(drawQuestionIds({ ...bank, draw: 6 }, 's')).toHaveLength(6);
  });

  it('gives the quiz as asked: those questions, numbered from 1, in the recorded order', () => {
    const asked = quizAsked(bank, ['q5', 'q2']);
    expect(asked.questions.map((q) => [q.id, q.number])).toEqual([
      ['q5', 1],
      ['q2', 2],
    ]);
    expect(quizAsked(bank, undefined)).toBe(bank);
  });
});

describe('drawing with groups', () => {
  const grouped = quiz(
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id, i) => ({
      ...question(id, 'single', { right: ['c1'] }),
      group: i < 4 ? 'lecture' : 'situations',
    })),
    { draw: 2 },
  );

  it('asks at least one question of each group, whatever the seed', () => {
    for (let i = 0; i < 50; i++) {
      const ids = drawQuestionIds(grouped, `seed-${i}`);
      expect(ids).toHaveLength(2);
      expect(ids.some((id) => id === 'q5' || id === 'q6')).toBe(true);
      expect(ids.some((id) => ['q1', 'q2', 'q3', 'q4'].includes(id))).toBe(true);
    }
  });
});
