import { describe, expect, it } from 'vitest';
import { parseQuizAnswers } from '../../../server/learning/parse-quiz-answers.ts';
import { question, quiz } from './fixtures.ts';

const form = quiz([
  question('q1', 'single', { right: ['c1'] }),
  question('q2', 'multiple', { right: ['c1', 'c2'] }),
  question('q3', 'truefalse', { right: ['c2'] }),
  question('q4', 'short', { answers: ['oui'] }),
]);

describe('reading a submitted quiz form', () => {
  it('keeps one choice per single question, the list for a multiple one and the trimmed short answer', () => {
    expect(parseQuizAnswers(form, { q1: 'c1', q2: ['c1', 'c2'], q3: 'c2', q4: '  oui ' })).toEqual({
      ok: true,
      answers: { q1: 'c1', q2: ['c1', 'c2'], q3: 'c2', q4: 'oui' },
    });
  });

  it('keeps a multiple answer with a single box ticked as a list', () => {
    const parsed = parseQuizAnswers(form, { q1: 'c1', q2: 'c2', q3: 'c1', q4: 'x' });
    expect(parsed.answers.q2).toEqual(['c2']);
  });

  it('drops unknown questions, unknown choices and repeated choices', () => {
    const parsed = parseQuizAnswers(form, {
      q1: 'c1',
      q2: ['c2', 'c2', 'c9'],
      q3: 'c1',
      q4: 'x',
      q9: 'c1',
      _csrf: 't',
    });
    expect(parsed).toEqual({ ok: true, answers: { q1: 'c1', q2: ['c2'], q3: 'c1', q4: 'x' } });
  });

  it('takes the first known choice when a single question gets several', () => {
    expect(parseQuizAnswers(form, { q1: ['c9', 'c3', 'c1'], q2: 'c1', q3: 'c1', q4: 'x' }).answers.q1).toBe('c3');
  });

  it('cuts a short answer to 200 characters', () => {
    const parsed = parseQuizAnswers(form, { q1: 'c1', q2: 'c1', q3: 'c1', q4: 'a'.repeat(500) });
    expect(parsed.answers.q4).toHaveLength(200);
  });

  it('names the question left unanswered with the message for its type, keeping the answers given', () => {
    const parsed = parseQuizAnswers(form, { q1: 'c9', q3: 'c1', q4: '   ' });
    expect(parsed).toEqual({
      ok: false,
      answers: { q3: 'c1' },
      errors: { q1: 'quiz.error.choice', q2: 'quiz.error.multiple', q4: 'quiz.error.short' },
    });
  });

  it('treats a missing or non-text body as nothing answered', () => {
    for (const body of [undefined, null, { q1: 42, q2: [{}], q3: true, q4: ['', 'oui'] }]) {
      const parsed = parseQuizAnswers(form, body);
      expect(parsed.ok).toBe(false);
      expect(Object.keys(parsed.answers)).toEqual([]);
    }
  });
});
