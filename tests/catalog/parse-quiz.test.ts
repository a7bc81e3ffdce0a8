import { describe, expect, it } from 'vitest';
import { checkStrayQuizSyntax, quizHeadingWithTitle } from '../../server/catalog/check-stray-quiz-syntax.ts';
import { IssueList } from '../../server/catalog/course-issue.ts';
import { normalizeAnswer } from '../../server/catalog/normalize-answer.ts';
import { parseDuration } from '../../server/catalog/parse-duration.ts';
import { parseQuiz } from '../../server/catalog/parse-quiz.ts';
import { splitQuizSection } from '../../server/catalog/split-quiz-section.ts';

const ctx = { assetBase: '/courses/x/assets/', moduleBase: '/courses/x/' };
const parse = (text: string) => {
  const issues = new IssueList('m.md');
  const result = parseQuiz(text.split('\n'), 10, ctx, issues);
  return { ...result, issues: issues.items };
};

describe('quiz syntax', () => {
  it('reads the four question types with their key, feedback and explanation', () => {
    const { questions, issues } = parse(`1. Que feriez-vous ?
   - ( ) Interdire
     > Cela coupe le dialogue.
   - (x) Regarder ensemble
     > Oui.
   Explication : partir de l'usage.
2. Lesquelles ?
   - [x] A
   - [X] B
   - [ ] C
3. Vrai ou faux : ceci est vrai.
   - (x) Vrai
   - ( ) Faux
4. Quelle application ?
   = WhatsApp
   = Whats App`);
    expect(issues).toEqual([]);
    expect(questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'short']);
    expect(questions[0]?.choices.map((c) => c.correct)).toEqual([false, true]);
    expect(questions[0]?.choices[0]?.feedbackHtml).toContain('Cela coupe le dialogue.');
    expect(questions[0]?.explanationHtml).toContain('partir de l');
    expect(questions[1]?.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(questions[3]?.answers).toEqual(['whatsapp', 'whats app']);
    expect(questions.map((q) => q.line)).toEqual([10, 16, 20, 23]);
  });

  it('joins an indented continuation line to the question prompt', () => {
    const { questions } = parse('1. Première partie\n   de la question ?\n   = oui');
    expect(questions[0]?.prompt).toBe('Première partie de la question ?');
  });

  it('renders inline Markdown in prompts and choices, sanitised', () => {
    const { questions } = parse('1. Un **mot** <img src=x onerror=alert(1)> ?\n   - (x) *oui*\n   - ( ) non');
    expect(questions[0]?.promptHtml).toContain('<strong>mot</strong>');
    expect(questions[0]?.promptHtml).not.toMatch(/onerror|<img/);
    expect(questions[0]?.choices[0]?.html).toBe('<em>oui</em>');
  });

  it('reports a quiz without any question at the heading line', () => {
    const { issues } = parse('Du texte mais pas de question.');
    expect(issues).toEqual([{ file: 'm.md', line: 9, message: expect.stringMatching(/aucune question/) }]);
  });

  it('reports a question with a single choice', () => {
    const { issues } = parse('1. Seul ?\n   - (x) oui');
    expect(issues[0]?.message).toMatch(/au moins deux choix/);
  });
});

describe('quiz section', () => {
  it('splits the body around the quiz and ignores a Quiz heading inside a code fence', () => {
    const body = '## Intro\n```\n## Quiz\n```\ntexte\n## Quiz : Vérifier\n1. Q ?\n   = a\n## Après\nfin';
    const { before, quiz, after } = splitQuizSection(body);
    expect(before).toContain('texte');
    expect(quiz?.title).toBe('Vérifier');
    expect(quiz?.headingIndex).toBe(5);
    expect(quiz?.lines).toEqual(['1. Q ?', '   = a']);
    expect(after).toBe('## Après\nfin');
  });
});

describe('short answers', () => {
  it('accepts a short answer whatever its case, accents and surrounding spaces and punctuation', () => {
    expect(normalizeAnswer('  Réseaux   SOCIAUX ! ')).toBe(normalizeAnswer('reseaux sociaux'));
    expect(normalizeAnswer('« L’école »')).toBe("l'ecole");
    expect(normalizeAnswer('WhatsApp')).not.toBe(normalizeAnswer('Facebook'));
  });
});

describe('durations', () => {
  it.each([
    ['45 min', 45],
    ['1 h', 60],
    ['1 h 30', 90],
    ['1h30', 90],
    ['2 h 15 min', 135],
    ['1,5 h', 90],
    ['90', 90],
    [25, 25],
  ] as const)('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });
  it.each(['environ une heure', '0 min', '1 h 75', '', -5, 2.5])('refuses %s', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('quiz syntax outside the quiz', () => {
  const stray = (text: string, hasQuiz = false) => {
    const issues = new IssueList('m.md');
    checkStrayQuizSyntax(text.split('\n'), 20, hasQuiz, issues);
    return issues.items.map((i) => `${i.line} ${i.message.split(' ').slice(0, 6).join(' ')}`);
  };

  it('allows checklists, lists in brackets and code samples outside a quiz-like section', () => {
    expect(
      stray('## À préparer\n- [x] La salle\n- [ ] Les badges\n- (a) premier point\n```\n- (x) exemple\n```'),
    ).toEqual([]);
  });

  it('reports once per section, at a quiz-like heading, even for short answers and checkboxes', () => {
    expect(stray('## Vérifiez vos acquis\n1. Quel mot ?\n   = passerelle\n2. Autre ?\n   = oui')).toEqual([
      '20 le titre « ## Vérifiez vos',
    ]);
    expect(stray('Texte\n- (x) Oui\n- ( ) Non\n## Suite\n-(x) Encore')).toEqual([
      '21 « - (x) Oui » ressemble',
      '24 « -(x) Encore » ressemble à',
    ]);
  });

  it('suggests a quiz heading that keeps the trainer’s words', () => {
    expect(quizHeadingWithTitle('Quiz')).toBeUndefined();
    expect(quizHeadingWithTitle('Quiz — Vérifier')).toBe('## Quiz : Vérifier');
    expect(quizHeadingWithTitle('Questions')).toBe('## Quiz : Questions');
  });
});

describe('quiz lines that are not read as written', () => {
  it('skips the feedback of a refused choice, so one mistake gives one message', () => {
    const { issues } = parse('1. Q ?\n   -(x) Oui\n     > Bien.\n       suite\n   - ( ) Non');
    expect(issues.map((i) => i.line)).toEqual([11]);
  });

  it('accepts « Explications : » and reports an answer written after the explanation', () => {
    expect(parse('1. Q ?\n   = oui\n   Explications : voilà.').issues).toEqual([]);
    expect(parse('1. Q ?\n   = oui\n   Explication : voilà.\n   = si').issues[0]?.line).toBe(13);
  });
});

describe('fixes for long lines', () => {
  it('gives the start of a long line to type rather than the line cut short', () => {
    const long = `Je demande à la personne ce qu'elle fait déjà avec son téléphone, et je pars de là pour la démarche.`;
    const { issues } = parse(`1. Q ?\n   -(x) ${long}\n   - ( ) Non`);
    expect(issues[0]?.message).toBe(
      'question 1 : il manque une espace entre le tiret et la case. Commencez la ligne par « - (x) », suivi d’une espace et du texte du choix.',
    );
  });
});
