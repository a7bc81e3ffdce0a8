import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../server/catalog/course-issue.ts';
import { matchShortAnswer } from '../../server/catalog/match-short-answer.ts';
import { normalizeAnswer } from '../../server/catalog/normalize-answer.ts';
import { parseQuiz } from '../../server/catalog/parse-quiz.ts';
import { editDistance } from '../../server/shared/edit-distance.ts';

const ctx = { assetBase: '/courses/x/assets/', moduleBase: '/courses/x/' };
const parse = (text: string) => {
  const issues = new IssueList('m.md');
  const { questions } = parseQuiz(text.split('\n'), 10, ctx, issues);
  return { questions, issues: issues.items.map((i) => `${i.line} ${i.message}`) };
};
const short = (answers: string[], typoTolerance = 1) => ({ answers: answers.map(normalizeAnswer), typoTolerance });

describe('edit distance', () => {
  it.each([
    ['descendante', 'descendante', 0],
    ['descendente', 'descendante', 1], // substitution
    ['transversalle', 'transversal', 2],
    ['tranversal', 'transversal', 1], // deletion
    ['transevrsal', 'transversal', 1], // two neighbours swapped
    ['contrainte', 'obligation', 3], // past the bound: max + 1
  ])('%s → %s: %i', (a, b, expected) => {
    expect(editDistance(a, b, 2)).toBe(expected);
  });

  it('agrees with its definition: symmetric, zero only for equal strings, never above max + 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b, 2);
        expect(d).toBe(editDistance(b, a, 2));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('short answers with a typing error', () => {
  it('accepts one typing error in an answer of 6 letters or more, and says it was a near miss', () => {
    expect(matchShortAnswer(short(['descendante']), 'Descendente')).toBe('near');
    expect(matchShortAnswer(short(['descendante']), 'descendante !')).toBe('exact');
    expect(matchShortAnswer(short(['transversal']), 'transversalle')).toBeUndefined();
    expect(matchShortAnswer(short(['transversal'], 2), 'transversalle')).toBe('near');
  });

  it('wants shorter answers, answers with digits, and questions with « Tolérance : 0 » typed exactly', () => {
    expect(matchShortAnswer(short(['frein']), 'frain')).toBeUndefined();
    expect(matchShortAnswer(short(['2 sur 16']), '2 sur 15')).toBeUndefined();
    expect(matchShortAnswer(short(['descendante'], 0), 'descendente')).toBeUndefined();
    expect(matchShortAnswer(short(['descendante']), '')).toBeUndefined();
  });

  it('reads « Tolérance : » under a short-answer question, 1 by default', () => {
    const { questions, issues } = parse(
      '1. Q ?\n   = descendante\n   Tolérance : 0\n2. R ?\n   = verticale\n3. S ?\n   - (x) a\n   - ( ) b',
    );
    expect(issues).toEqual([]);
    expect(questions.map((q) => q.typoTolerance)).toEqual([0, 1, 0]);
  });

  it('reports a tolerance that cannot apply or cannot be read, at its line', () => {
    expect(parse('1. Q ?\n   - (x) a\n   - ( ) b\n   Tolérance : 1').issues).toEqual([
      "13 question 1 : « Tolérance : » ne s'applique qu'aux réponses courtes « = … ». Retirez cette ligne.",
    ]);
    expect(parse('1. Q ?\n   = 16 structures\n   Tolérance : 1').issues).toEqual([
      '12 question 1 : une réponse contient un nombre, qui doit être tapé exactement. Écrivez « Tolérance : 0 » ou retirez cette ligne.',
    ]);
    expect(parse('1. Q ?\n   = verticale\n   Tolérance : beaucoup').issues).toEqual([
      '12 question 1 : tolérance « beaucoup » illisible. Écrivez « Tolérance : 0 » (réponse exacte), « Tolérance : 1 » (une faute de frappe, le réglage par défaut) ou « Tolérance : 2 ».',
    ]);
  });
});
