import { describe, expect, it } from 'vitest';
import { gradeQuiz } from '../../../server/learning/grade-quiz.ts';
import { gradeQuestion } from '../../../server/learning/graders.ts';
import { question, quiz } from './fixtures.ts';

describe('grading a single-choice question', () => {
  const q = question('q1', 'single', { right: ['c2'] });

  it('accepts the right choice and only it', () => {
    expect(gradeQuestion(q, 'c2')).toBe(true);
    expect(gradeQuestion(q, 'c1')).toBe(false);
  });

  it('refuses no answer, an unknown choice and a list of choices', () => {
    expect(gradeQuestion(q, undefined)).toBe(false);
    expect(gradeQuestion(q, 'c9')).toBe(false);
    expect(gradeQuestion(q, ['c2'])).toBe(false);
  });
});

describe('grading a true-or-false question', () => {
  it('grades like a single choice: the one right answer', () => {
    const q = question('q1', 'truefalse', { right: ['c1'] });
    expect(gradeQuestion(q, 'c1')).toBe(true);
    expect(gradeQuestion(q, 'c2')).toBe(false);
  });
});

describe('grading a multiple-choice question', () => {
  const q = question('q1', 'multiple', { right: ['c1', 'c3'] });

  it('accepts exactly the right choices, in any order', () => {
    expect(gradeQuestion(q, ['c3', 'c1'])).toBe(true);
  });

  it('refuses a missing right choice or one wrong choice too many', () => {
    expect(gradeQuestion(q, ['c1'])).toBe(false);
    expect(gradeQuestion(q, ['c1', 'c2', 'c3'])).toBe(false);
    expect(gradeQuestion(q, undefined)).toBe(false);
  });

  it('takes a lone choice sent as a string, and counts a repeated choice once', () => {
    expect(gradeQuestion(question('q1', 'multiple', { right: ['c2'] }), 'c2')).toBe(true);
    expect(gradeQuestion(q, ['c1', 'c1'])).toBe(false);
    expect(gradeQuestion(q, ['c1', 'c3', 'c3'])).toBe(true);
  });
});

describe('grading a short answer', () => {
  const q = question('q1', 'short', { answers: ['whatsapp', 'reseaux sociaux'] });

  it('accepts an accepted answer whatever its case, accents, spacing and surrounding punctuation', () => {
    expect(gradeQuestion(q, '  WhatsApp ! ')).toBe(true);
    expect(gradeQuestion(q, 'Réseaux   sociaux')).toBe(true);
  });

  it('refuses another answer, an empty one and a list', () => {
    expect(gradeQuestion(q, 'Facebook')).toBe(false);
    expect(gradeQuestion(q, '')).toBe(false);
    expect(gradeQuestion(q, ['whatsapp'])).toBe(false);
  });

  it('forgives one typing error in an answer of 6 letters or more, unless the question asks for it exact', () => {
    expect(gradeQuestion(q, 'Whatsap')).toBe(true);
    expect(gradeQuestion(q, 'reseaux socaiux')).toBe(true);
    expect(gradeQuestion(q, 'Whatsup!!')).toBe(false);
    expect(gradeQuestion({ ...q, typoTolerance: 0 }, 'Whatsap')).toBe(false);
  });
});

describe('grading a whole quiz', () => {
  const fourQuestions = quiz(
    [
      question('q1', 'single', { right: ['c1'] }),
      question('q2', 'single', { right: ['c1'] }),
      question('q3', 'single', { right: ['c1'] }),
      question('q4', 'short', { answers: ['oui'] }),
    ],
    { passMark: 75 },
  );

  it('scores the share of right answers out of 100, and passes at the pass mark', () => {
    const graded = gradeQuiz(fourQuestions, { q1: 'c1', q2: 'c1', q3: 'c1', q4: 'non' });
    expect(graded).toEqual({ correct: { q1: true, q2: true, q3: true, q4: false }, score: 75, passed: true });
  });

  it('fails below the pass mark and counts an unanswered question as wrong', () => {
    const graded = gradeQuiz(fourQuestions, { q1: 'c1', q2: 'c2' });
    expect(graded.score).toBe(25);
    expect(graded.passed).toBe(false);
    expect(graded.correct.q3).toBe(false);
  });

  it('rounds the score to a whole number', () => {
    const three = quiz([1, 2, 3].map((n) => question(`q${n}`, 'single', { right: ['c1'] })));
    expect(gradeQuiz(three, { q1: 'c1', q2: 'c1', q3: 'c2' }).score).toBe(67);
  });
});
