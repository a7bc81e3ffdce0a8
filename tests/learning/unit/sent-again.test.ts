import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../server/learning/schema.ts';
import { answeredAfter, sentAgain } from '../../../server/learning/sent-again.ts';

const attempt = (id: string, answers: Attempt['answers']) => ({ id, answers }) as Readonly<Attempt>;
const attempts = [
  attempt('a0', { q1: 'c1', q2: ['c1', 'c3'], q3: 'WhatsApp' }),
  attempt('a1', { q1: 'c2', q2: ['c2'], q3: 'Facebook' }),
];

describe('sentAgain', () => {
  it('gives back the attempt the form made when its answers are the same, choices in any order', () => {
    expect(sentAgain(attempts, 0, { q1: 'c1', q2: ['c3', 'c1'], q3: 'WhatsApp' })?.id).toBe('a0');
    expect(sentAgain(attempts, 1, { q3: 'Facebook', q2: ['c2'], q1: 'c2' })?.id).toBe('a1');
  });

  it('takes as new a form answered otherwise, a form that does not say, or one ahead of the attempts', () => {
    expect(sentAgain(attempts, 0, { q1: 'c1', q2: ['c1'], q3: 'WhatsApp' })).toBeUndefined();
    expect(sentAgain(attempts, 0, { q1: 'c1', q2: ['c1', 'c3'] })).toBeUndefined();
    expect(sentAgain(attempts, 0, { q1: 'c1', q2: ['c1', 'c3'], q3: 'WhatsApp', q4: 'c1' })).toBeUndefined();
    expect(sentAgain(attempts, undefined, attempts[0]!.answers)).toBeUndefined();
    expect(sentAgain(attempts, 2, attempts[1]!.answers)).toBeUndefined();
  });
});

describe('answeredAfter', () => {
  it('reads a small whole number and nothing else', () => {
    expect(answeredAfter({ _attempt: '0' })).toBe(0);
    expect(answeredAfter({ _attempt: '007' })).toBe(7);
    for (const raw of ['-1', '1.5', 'abc', '', '1234567', ['1', '2'], 3, undefined])
      expect(answeredAfter({ _attempt: raw }), String(raw)).toBeUndefined();
    expect(answeredAfter(undefined)).toBeUndefined();
  });
});
